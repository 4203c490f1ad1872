namespace SocketBench.Echo.Framing;

/// <summary>Picks the framing of a stream protocol.</summary>
public static class MessageFramings
{
    public static IMessageFraming For(EchoProtocol protocol, int maxMessageBytes) => protocol switch
    {
        EchoProtocol.TcpLine => new LineFraming(maxMessageBytes),
        EchoProtocol.TcpLength => new LengthPrefixFraming(maxMessageBytes),
        _ => throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "datagrams carry their own boundaries: no framing"),
    };
}
