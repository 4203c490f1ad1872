using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace SocketBench.Sockets.Remote.Sink;

/// <summary>Accepts TCP sink connections and runs each on its own receive thread until the sender closes it.</summary>
internal sealed class TcpSink : IDisposable
{
    private const int MaxConnections = 64;

    private readonly Socket _listener;
    private readonly Action<string> _log;
    private readonly ConcurrentDictionary<TcpSinkConnection, byte> _connections = new();
    private readonly Thread _acceptor;
    private volatile bool _stopping;

    private TcpSink(Socket listener, Action<string> log)
    {
        _listener = listener;
        _log = log;
        _acceptor = new Thread(AcceptUntilStopped) { IsBackground = true, Name = "socketbench tcp sink" };
    }

    public static TcpSink Start(IPEndPoint listen, Action<string> log)
    {
        var listener = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(listen);
            listener.Listen(MaxConnections);
        }
        catch
        {
            listener.Dispose();
            throw;
        }

        var sink = new TcpSink(listener, log);
        sink._acceptor.Start();
        return sink;
    }

    public IPAddress Address => ((IPEndPoint)_listener.LocalEndPoint!).Address;

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public int OpenConnections => _connections.Count;

    private void AcceptUntilStopped()
    {
        while (!_stopping)
        {
            Socket accepted;
            try
            {
                accepted = _listener.Accept();
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_connections.Count >= MaxConnections)
            {
                _log($"sink refused TCP {accepted.RemoteEndPoint}: {MaxConnections} connections already open");
                accepted.Dispose();
                continue;
            }

            try
            {
                var connection = new TcpSinkConnection(accepted, _log, closed => _connections.TryRemove(closed, out _));
                _connections[connection] = 0;
                connection.Start();
            }
            catch (SocketException error)
            {
                // The sender reset the connection before it started; the others carry on.
                _log($"sink dropped a TCP connection as it opened: {error.Message}");
                accepted.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        _acceptor.Join(TimeSpan.FromSeconds(5));
        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }
    }
}
