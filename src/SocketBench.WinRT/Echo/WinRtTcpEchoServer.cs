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
public sealed class WinRtTcpEchoServer : EchoServer
{
    private readonly StreamSocketListener _listener = new();
    private int _accepted;

    private WinRtTcpEchoServer(EchoServerOptions options, EchoLog log)
        : base(options, log)
    {
        // Before binding, as in the guide: a connection may arrive the moment the bind completes.
        _listener.ConnectionReceived += OnConnectionReceived;
        _listener.Control.NoDelay = true;
    }

    public static async Task<WinRtTcpEchoServer> StartAsync(EchoServerOptions options, EchoLog log)
    {
        Check(options);
        var server = new WinRtTcpEchoServer(options, log);
        var listener = server._listener;
        server.LocalEndPoint = await WinRtEndPoints.BindAsync(
            options.Address, options.Port, listener, listener.BindServiceNameAsync, listener.BindEndpointAsync, () => listener.Information.LocalPort,
            $"TCP {new IPEndPoint(options.Address, options.Port)}");
        server.Completion = server.RunAsync();
        return server;
    }

    private async Task RunAsync()
    {
        Log.Info("server is listening...");
        // Until DisposeAsync, or the one request with Once, cancels it.
        await Task.Delay(Timeout.Infinite, Stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        _listener.Dispose();
        _listener.ConnectionReceived -= OnConnectionReceived;
        await WhenAllClosed().ConfigureAwait(false);
        Log.Info("server closed its socket");
    }

    private void OnConnectionReceived(StreamSocketListener sender, StreamSocketListenerConnectionReceivedEventArgs args)
    {
        var socket = args.Socket;
        string remote = WinRtEndPoints.From(socket.Information.RemoteAddress, socket.Information.RemotePort).ToString() ?? "a client";
        // Closed at once: while stopping; with Once (the sample serves one request), a second client; past the cap.
        if (Stop.IsCancellationRequested || (Options.Once && Interlocked.Increment(ref _accepted) > 1) || !TryAdmit(remote))
        {
            socket.Dispose();
            return;
        }

        _ = TrackAsync(() => ServeAsync(socket, remote));
    }

    /// <summary>
    /// Serves one accepted socket: optional TLS, then the shared echo loop over the protocol's channel. Whatever the
    /// client does wrong ends this connection with one logged reason; nothing escapes.
    /// </summary>
    private async Task ServeAsync(StreamSocket socket, string remote)
    {
        // Off the event handler's thread: a slow handshake must not hold up the next ConnectionReceived.
        await Task.Yield();
        Stream? tls = null;
        try
        {
            if (Options.Tls is { } settings)
            {
                // WinRT gives a StreamSocketListener no server certificate to present, so the server side of TLS is
                // .NET's SslStream over the accepted socket's streams. The WinRT client uses SocketProtectionLevel.Tls12.
                tls = await HandshakeAsync(new WinRtDuplexStream(socket), settings, remote).ConfigureAwait(false);
            }

            using var channel = WinRtChannels.Open(
                Options.Protocol, tls?.AsInputStream() ?? socket.InputStream, tls?.AsOutputStream() ?? socket.OutputStream, Options.MaxMessageBytes);
            await EchoLoopAsync(channel, remote).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A server must outlive its worst client: every failure here belongs to this connection alone.
            Ended(e, WinRtSocketErrors.StatusOf(e), remote);
        }
        finally
        {
            if (tls is not null)
            {
                await tls.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
        }
    }
}
