using SocketBench.Echo;
using SocketBench.Echo.Framing;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Echo;

/// <summary>The message channel for a TCP protocol over a connection's WinRT input and output streams.</summary>
internal static class WinRtChannels
{
    public static IMessageChannel Open(EchoProtocol protocol, IInputStream input, IOutputStream output, int maxMessageBytes) => protocol switch
    {
        // The guide's C# sample reads and writes through AsStreamForRead/AsStreamForWrite, with StreamReader and
        // StreamWriter on top. The shared line framing takes their place: ReadLineAsync has no length limit and
        // turns invalid UTF-8 into replacement characters, so neither the limit nor byte-exact echo would hold.
        EchoProtocol.TcpLine => new StreamMessageChannel(input.AsStreamForRead(), output.AsStreamForWrite(), new LineFraming(maxMessageBytes)),
        EchoProtocol.TcpLength => new DataMessageChannel(input, output, maxMessageBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "datagrams carry their own boundaries: no channel"),
    };
}
