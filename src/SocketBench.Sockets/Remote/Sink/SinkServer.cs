using System.Net;

namespace SocketBench.Sockets.Remote.Sink;

/// <summary>
/// The receiving side of remote send benchmarks: a TCP sink and a UDP sink on one port number. Each
/// counts (and in verify mode checks) what arrives exactly as a loopback receiver does, and tells the
/// sender what it counted, so remote figures are measured on delivered data too.
/// </summary>
public sealed class SinkServer : IDisposable
{
    private readonly TcpSink _tcp;
    private readonly UdpSink _udp;

    private SinkServer(TcpSink tcp, UdpSink udp)
    {
        _tcp = tcp;
        _udp = udp;
    }

    /// <summary>Binds both sinks (port 0: TCP picks a free port and UDP takes the same number) and starts serving.</summary>
    /// <param name="log">Receives one line per session opened, closed or refused.</param>
    public static SinkServer Start(IPEndPoint listen, Action<string> log)
    {
        var tcp = TcpSink.Start(listen, log);
        try
        {
            return new SinkServer(tcp, UdpSink.Start(new IPEndPoint(listen.Address, tcp.Port), log));
        }
        catch
        {
            tcp.Dispose();
            throw;
        }
    }

    public int Port => _tcp.Port;

    public IPEndPoint LocalEndPoint => new(_tcp.Address, _tcp.Port);

    public int OpenTcpConnections => _tcp.OpenConnections;

    public int OpenUdpSessions => _udp.OpenSessions;

    public void Dispose()
    {
        _tcp.Dispose();
        _udp.Dispose();
    }
}
