namespace SocketBench.Echo;

/// <summary>Defaults that keep a server alive against its worst client.</summary>
public static class EchoLimits
{
    /// <summary>Largest message (payload bytes, without framing) a peer may send: 1 MiB.</summary>
    public const int DefaultMaxMessageBytes = 1 << 20;

    /// <summary>A UDP payload cannot exceed 65,507 bytes over IPv4.</summary>
    public const int MaxDatagramBytes = 65_507;

    public const int DefaultMaxConnections = 1024;

    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(30);
}
