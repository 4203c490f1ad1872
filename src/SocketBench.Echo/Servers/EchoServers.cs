using SocketBench.Echo.Logging;

namespace SocketBench.Echo.Servers;

/// <summary>Starts the server for a protocol. Binding happens before this returns, so a taken port fails here.</summary>
public static class EchoServers
{
    public static IEchoServer Start(EchoServerOptions options, IEchoLog log)
    {
        Check(options);
        return options.Protocol.IsTcp() ? TcpEchoServer.Start(options, log) : UdpEchoServer.Start(options, log);
    }

    /// <summary>Rejects option combinations no backend can serve, before any socket opens.</summary>
    public static void Check(EchoServerOptions options)
    {
        if (options.Tls is not null && !options.Protocol.IsTcp())
        {
            throw new ArgumentException("TLS runs over TCP only: use --protocol tcp-line or tcp-length with --tls");
        }

        if (options.SharePort && options.Protocol.IsTcp())
        {
            throw new ArgumentException("--share-port applies to UDP sockets only (the guide's DatagramSocketControl.MulticastOnly)");
        }
    }
}
