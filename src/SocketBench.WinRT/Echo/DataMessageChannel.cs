using System.Runtime.InteropServices;
using System.Runtime.InteropServices.WindowsRuntime;
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
        EchoProtocol.TcpLine => new StreamMessageChannel(input.AsStreamForRead(), output.AsStreamForWrite(), new MessageFraming(protocol, maxMessageBytes)),
        EchoProtocol.TcpLength => new DataMessageChannel(input, output, maxMessageBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "datagrams carry their own boundaries: no channel"),
    };
}

/// <summary>
/// tcp-length as the guide's C++/WinRT sample writes it: <see cref="DataReader"/>.LoadAsync and ReadUInt32 for the
/// prefix, <see cref="DataWriter"/>.WriteUInt32 and StoreAsync for the reply, big-endian (both classes' default).
/// Unlike the sample, the prefix counts UTF-8 bytes, and it is judged against the limit before any LoadAsync asks
/// for the bytes it announces.
/// </summary>
internal sealed class DataMessageChannel(IInputStream input, IOutputStream output, int maxMessageBytes) : IMessageChannel
{
    private readonly DataReader _reader = new(input) { ByteOrder = ByteOrder.BigEndian };
    private readonly DataWriter _writer = new(output) { ByteOrder = ByteOrder.BigEndian };
    private readonly MessageFraming _framing = new(EchoProtocol.TcpLength, maxMessageBytes);

    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        // LoadAsync with the default options completes when every byte asked for is in, or the stream ended.
        uint header = await _reader.LoadAsync(MessageFraming.HeaderBytes).AsTask(cancellationToken).ConfigureAwait(false);
        if (header == 0)
        {
            return null;
        }

        if (header < MessageFraming.HeaderBytes)
        {
            throw MidMessage(header);
        }

        int length = _framing.CheckLength(_reader.ReadUInt32());
        if (length == 0)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        uint body = await _reader.LoadAsync((uint)length).AsTask(cancellationToken).ConfigureAwait(false);
        if (body < length)
        {
            throw MidMessage((uint)MessageFraming.HeaderBytes + body);
        }

        var payload = new byte[length];
        _reader.ReadBytes(payload);
        return payload;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var bytes = MemoryMarshal.TryGetArray(payload, out var segment) ? segment : new ArraySegment<byte>(payload.ToArray());
        _writer.WriteUInt32((uint)bytes.Count);
        _writer.WriteBuffer(bytes.Array!.AsBuffer(bytes.Offset, bytes.Count));
        await _writer.StoreAsync().AsTask(cancellationToken).ConfigureAwait(false);
        await _writer.FlushAsync().AsTask(cancellationToken).ConfigureAwait(false);
    }

    private static FramingException MidMessage(uint received) =>
        new($"peer closed the connection mid-message ({received} bytes of an unfinished message)");

    /// <summary>Detaches from the streams before disposing, as the guide's sample does: the socket belongs to its owner.</summary>
    public void Dispose()
    {
        _reader.DetachStream();
        _writer.DetachStream();
        _reader.Dispose();
        _writer.Dispose();
    }
}
