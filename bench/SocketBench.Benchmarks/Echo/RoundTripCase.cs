namespace SocketBench.Benchmarks.Echo;

/// <summary>The round-trip rows: the three echo protocols, and length-prefixed TCP inside TLS.</summary>
public enum RoundTripCase
{
    TcpLine,
    TcpLength,
    Udp,
    TcpLengthTls,
}
