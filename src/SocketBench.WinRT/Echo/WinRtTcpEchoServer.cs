using System.Net;
using SocketBench.Echo;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;
using SocketBench.WinRT.Networking;
using Windows.Networking.Sockets;

namespace SocketBench.WinRT.Echo;

/// <summary>
/// The TCP echo server on a <see cref="StreamSocketListener"/>: each <c>ConnectionReceived</c> is served on its own
/// task, up to the connection cap, with the portable server's options, limits and log lines.
/// </summary>
[Speaks(EchoProtocol.TcpLine, EchoProtocol.TcpLength)]
public sealed class WinRtTcpEchoServer : IEchoServer
{
    private readonly StreamSocketListener _listener = new();
    private readonly EchoServerOptions _options;
    private readonly IEchoLog _log;
    // Never disposed: it has no timer, and a connection ending after DisposeAsync may still cancel it (Once).
    private readonly CancellationTokenSource _stop = new();
    private readonly EchoConnections _connections;
    private int _accepted;

    private WinRtTcpEchoServer(EchoServerOptions options, IEchoLog log)
    {
        _options = options;
        _log = log;
        _connections = new EchoConnections(options, log);
        // Before binding, as in the guide: a connection may arrive the moment the bind completes.
        _listener.ConnectionReceived += OnConnectionReceived;
        _listener.Control.NoDelay = true;
        Completion = Task.CompletedTask;
    }

    public IPEndPoint LocalEndPoint { get; private set; } = new(IPAddress.Loopback, 0);

    public Task Completion { get; private set; }

    public static async Task<WinRtTcpEchoServer> StartAsync(EchoServerOptions options, IEchoLog log)
    {
        EchoServers.Check(options);
        var server = new WinRtTcpEchoServer(options, log);
        try
        {
            await server.BindAsync().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            server._listener.Dispose();
            throw WinRtSocketErrors.Wrap(e, $"binding TCP {new IPEndPoint(options.Address, options.Port)}");
        }

        server.Completion = server.RunAsync();
        return server;
    }

    private async Task BindAsync()
    {
        await WinRtEndPoints.Bind(_options.Address, _options.Port, _listener.BindServiceNameAsync, _listener.BindEndpointAsync);
        LocalEndPoint = new IPEndPoint(_options.Address, WinRtEndPoints.Port(_listener.Information.LocalPort));
    }

    private async Task RunAsync()
    {
        _log.Info("server is listening...");
        // Until DisposeAsync, or the one request with Once, cancels it.
        await Task.Delay(Timeout.Infinite, _stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        _listener.Dispose();
        await _connections.WhenAllClosed().ConfigureAwait(false);
        _log.Info("server closed its socket");
    }

    private void OnConnectionReceived(StreamSocketListener sender, StreamSocketListenerConnectionReceivedEventArgs args)
    {
        var socket = args.Socket;
        // Closed at once: while stopping; with Once (the sample serves one request), a second client; past the cap.
        if (_stop.IsCancellationRequested || (_options.Once && Interlocked.Increment(ref _accepted) > 1) || !_connections.TryAdmit(Remote(socket)))
        {
            socket.Dispose();
            return;
        }

        _ = ServeAsync(new WinRtTcpEchoConnection(socket, Remote(socket), _options, _log, _stop.Token));
    }

    private async Task ServeAsync(WinRtTcpEchoConnection connection)
    {
        await _connections.ServeAsync(connection.RunAsync).ConfigureAwait(false);
        if (_options.Once)
        {
            await _stop.CancelAsync().ConfigureAwait(false);
        }
    }

    private static string Remote(StreamSocket socket) =>
        WinRtEndPoints.From(socket.Information.RemoteAddress, socket.Information.RemotePort).ToString() ?? "a client";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Completion.ConfigureAwait(false);
        _listener.ConnectionReceived -= OnConnectionReceived;
    }
}
