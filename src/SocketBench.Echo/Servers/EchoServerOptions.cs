using System.Net;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Servers;

/// <summary>Everything a server needs to start. Defaults: loopback, a free port, the limits in <see cref="EchoLimits"/>.</summary>
public sealed record EchoServerOptions(EchoProtocol Protocol)
{
    /// <summary>Loopback unless the caller chooses otherwise: the harness is not meant to face a network by accident.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;

    /// <summary>0 lets the system pick a free port (read it back from <see cref="EchoServer.LocalEndPoint"/>).</summary>
    public int Port { get; init; }

    public int MaxMessageBytes { get; init; } = EchoLimits.DefaultMaxMessageBytes;

    /// <summary>How long a connection may take to deliver its next whole message before it is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = EchoLimits.DefaultIdleTimeout;

    public int MaxConnections { get; init; } = EchoLimits.DefaultMaxConnections;

    /// <summary>The guide's sample behaviour: echo one request, then close the connection and the listener.</summary>
    public bool Once { get; init; }

    /// <summary>UDP only: let other sockets bind the same address and port (the guide's DatagramSocketControl.MulticastOnly).</summary>
    public bool SharePort { get; init; }

    /// <summary>Log every request and response (the guide's lines); off for load tests and benchmarks.</summary>
    public bool LogMessages { get; init; } = true;

    /// <summary>TCP only: serve TLS with these settings.</summary>
    public TlsServerSettings? Tls { get; init; }
}
