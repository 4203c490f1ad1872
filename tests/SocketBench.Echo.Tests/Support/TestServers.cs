using System.Net;
using System.Net.Sockets;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Servers;

namespace SocketBench.Echo.Tests.Support;

/// <summary>Starts servers on a fresh loopback port and points clients at them.</summary>
internal static class TestServers
{
    public static EchoServer Start(EchoProtocol protocol, RecordingLog log, Func<EchoServerOptions, EchoServerOptions>? tune = null)
    {
        var options = new EchoServerOptions(protocol) { Port = 0 };
        return EchoServer.Start(tune is null ? options : tune(options), log);
    }

    public static EchoClientOptions ClientFor(EchoServer server, EchoProtocol protocol) =>
        new(protocol) { Host = "127.0.0.1", Port = server.LocalEndPoint.Port, Timeout = Deadlines.Default };

    /// <summary>A port nothing listens on: bound, then released.</summary>
    public static int ClosedPort(SocketType type = SocketType.Stream)
    {
        using var socket = new Socket(AddressFamily.InterNetwork, type, type == SocketType.Stream ? ProtocolType.Tcp : ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
