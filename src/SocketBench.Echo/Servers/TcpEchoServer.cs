using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Logging;

namespace SocketBench.Echo.Servers;

/// <summary>Accepts TCP clients and serves each on its own task, up to a connection cap.</summary>
[Speaks(EchoProtocol.TcpLine, EchoProtocol.TcpLength)]
public sealed class TcpEchoServer : EchoServer
{
    private readonly Socket _listener;

    internal TcpEchoServer(EchoServerOptions options, EchoLog log)
        : base(options, log)
    {
        _listener = Bind(new IPEndPoint(options.Address, options.Port), ProtocolType.Tcp);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        Completion = RunAsync();
    }

    private async Task RunAsync()
    {
        Log.Info("server is listening...");
        try
        {
            while (!Stop.IsCancellationRequested)
            {
                Socket client;
                try
                {
                    client = await _listener.AcceptAsync(Stop.Token).ConfigureAwait(false);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || Stop.IsCancellationRequested)
                {
                    return;
                }
                catch (SocketException e)
                {
                    // Out of file descriptors and the like: say so, and give the system a moment instead of spinning.
                    Log.Warn($"accept failed: {SocketStatusMap.StatusOf(e)}: {e.Message}");
                    await Task.Delay(100, Stop.Token).ConfigureAwait(false);
                    continue;
                }

                string remote = client.RemoteEndPoint?.ToString() ?? "a client";
                if (!TryAdmit(remote))
                {
                    client.Dispose();
                    continue;
                }

                var served = TrackAsync(() => ServeAsync(client, remote));
                if (Options.Once)
                {
                    await served.ConfigureAwait(false);
                    return;
                }
            }
        }
        finally
        {
            _listener.Dispose();
            await WhenAllClosed().ConfigureAwait(false);
            Log.Info("server closed its socket");
        }
    }

    /// <summary>
    /// Serves one client: optional TLS handshake, then the echo loop. Whatever the client does wrong ends this
    /// connection with one logged reason; nothing escapes to the server.
    /// </summary>
    private async Task ServeAsync(Socket socket, string remote)
    {
        // Off the accept loop's stack: a slow handshake must not delay the next accept.
        await Task.Yield();
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            socket.NoDelay = true;
            if (Options.Tls is { } tls)
            {
                stream = await HandshakeAsync(stream, tls, remote).ConfigureAwait(false);
            }

            using var channel = new StreamMessageChannel(stream, stream, new MessageFraming(Options.Protocol, Options.MaxMessageBytes));
            await EchoLoopAsync(channel, remote).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or FramingException or IOException or SocketException or AuthenticationException)
        {
            Ended(e, SocketStatusMap.StatusOf(e), remote);
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
