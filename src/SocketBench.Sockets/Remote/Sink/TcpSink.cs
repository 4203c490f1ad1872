using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SocketBench.Sockets.Remote.Sink;

/// <summary>Accepts TCP sink connections and runs each on its own receive thread until the sender closes it.</summary>
internal sealed class TcpSink : SinkLoop
{
    private const int MaxConnections = 64;

    private readonly ConcurrentDictionary<TcpSinkConnection, byte> _connections = new();

    private TcpSink(Socket listener, Action<string> log)
        : base(listener, log, "socketbench tcp sink")
    {
    }

    public static TcpSink Start(IPEndPoint listen, Action<string> log)
    {
        var listener = Prepared(new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp), socket =>
        {
            socket.Bind(listen);
            socket.Listen(MaxConnections);
        });
        var sink = new TcpSink(listener, log);
        sink.Start();
        return sink;
    }

    public IPAddress Address => ((IPEndPoint)Socket.LocalEndPoint!).Address;

    public int Port => ((IPEndPoint)Socket.LocalEndPoint!).Port;

    public int OpenConnections => _connections.Count;

    protected override void Serve()
    {
        while (!Stopping)
        {
            Socket accepted;
            try
            {
                accepted = Socket.Accept();
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_connections.Count >= MaxConnections)
            {
                Log($"sink refused TCP {accepted.RemoteEndPoint}: {MaxConnections} connections already open");
                accepted.Dispose();
                continue;
            }

            try
            {
                var connection = new TcpSinkConnection(accepted, Log, closed => _connections.TryRemove(closed, out _));
                _connections[connection] = 0;
                connection.Start();
            }
            catch (SocketException error)
            {
                // The sender reset the connection before it started; the others carry on.
                Log($"sink dropped a TCP connection as it opened: {error.Message}");
                accepted.Dispose();
            }
        }
    }

    protected override void CloseSessions()
    {
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }
    }
}
