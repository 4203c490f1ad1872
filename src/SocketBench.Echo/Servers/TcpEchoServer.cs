using System.Net;
using System.Net.Sockets;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Logging;

namespace SocketBench.Echo.Servers;

/// <summary>Accepts TCP clients and serves each on its own task, up to a connection cap.</summary>
[Speaks(EchoProtocol.TcpLine, EchoProtocol.TcpLength)]
public sealed class TcpEchoServer : IEchoServer
{
    private readonly Socket _listener;
    private readonly EchoServerOptions _options;
    private readonly IEchoLog _log;
    private readonly CancellationTokenSource _stop = new();
    private readonly EchoConnections _connections;

    private TcpEchoServer(Socket listener, EchoServerOptions options, IEchoLog log)
    {
        _listener = listener;
        _options = options;
        _log = log;
        _connections = new EchoConnections(options, log);
        LocalEndPoint = (IPEndPoint)listener.LocalEndPoint!;
        Completion = RunAsync();
    }

    public IPEndPoint LocalEndPoint { get; }

    public Task Completion { get; }

    /// <summary>Connections being served right now.</summary>
    public int OpenConnections => _connections.Open;

    public static TcpEchoServer Start(EchoServerOptions options, IEchoLog log)
    {
        var listener = new Socket(options.Address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            listener.Bind(new IPEndPoint(options.Address, options.Port));
            listener.Listen(backlog: 512);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw SocketStatusMap.Wrap(e, $"binding TCP {new IPEndPoint(options.Address, options.Port)}");
        }

        return new TcpEchoServer(listener, options, log);
    }

    private async Task RunAsync()
    {
        _log.Info("server is listening...");
        try
        {
            await AcceptLoopAsync().ConfigureAwait(false);
        }
        finally
        {
            _listener.Dispose();
            await _connections.WhenAllClosed().ConfigureAwait(false);
            _log.Info("server closed its socket");
        }
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _listener.AcceptAsync(_stop.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || _stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException e)
            {
                // Out of file descriptors and the like: say so, and give the system a moment instead of spinning.
                _log.Warn($"accept failed: {SocketStatusMap.StatusOf(e)}: {e.Message}");
                await Task.Delay(100, _stop.Token).ConfigureAwait(false);
                continue;
            }

            if (!_connections.TryAdmit(client.RemoteEndPoint?.ToString() ?? "a client"))
            {
                client.Dispose();
                continue;
            }

            var connection = new TcpEchoConnection(client, _options, _log, _stop.Token);
            var served = _connections.ServeAsync(connection.RunAsync);
            if (_options.Once)
            {
                await served.ConfigureAwait(false);
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Completion.ConfigureAwait(false);
        _stop.Dispose();
    }
}
