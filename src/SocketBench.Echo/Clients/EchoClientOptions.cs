using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Clients;

/// <summary>Where and how a client talks to an echo server. The defaults are the guide's: localhost, port 1337.</summary>
public sealed record EchoClientOptions(EchoProtocol Protocol)
{
    public const int GuideServerPort = 1337;

    public string Host { get; init; } = "localhost";

    public int Port { get; init; } = GuideServerPort;

    /// <summary>UDP only: the local port to bind (the guide's client uses 1336); 0 lets the system pick.</summary>
    public int LocalPort { get; init; }

    /// <summary>UDP only: let another socket share the local port.</summary>
    public bool SharePort { get; init; }

    /// <summary>Deadline for connecting, and for each response.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(5);

    public int MaxMessageBytes { get; init; } = EchoLimits.DefaultMaxMessageBytes;

    /// <summary>TCP only: talk TLS with these settings.</summary>
    public TlsClientSettings? Tls { get; init; }
}
