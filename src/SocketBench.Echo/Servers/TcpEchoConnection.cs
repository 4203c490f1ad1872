using System.Net.Sockets;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Servers;

/// <summary>
/// Serves one TCP client: optional TLS handshake, then read a message, echo it, repeat. Whatever the
/// client does wrong ends this connection with one logged reason; nothing escapes to the server.
/// </summary>
internal sealed class TcpEchoConnection(Socket socket, EchoServerOptions options, IEchoLog log, CancellationToken stop)
{
    private readonly string _remote = socket.RemoteEndPoint?.ToString() ?? "a client";

    public async Task RunAsync()
    {
        // Off the accept loop's stack: a slow handshake must not delay the next accept.
        await Task.Yield();
        Stream stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            socket.NoDelay = true;
            if (options.Tls is { } tls)
            {
                using var handshake = EchoLoop.IdleDeadline(options, stop);
                stream = await TlsHandshakes.AsServerAsync(stream, tls, reason => log.Warn($"server rejected {_remote}: {reason}"), handshake.Token).ConfigureAwait(false);
            }

            using var channel = new StreamMessageChannel(stream, stream, MessageFramings.For(options.Protocol, options.MaxMessageBytes));
            await EchoLoop.RunAsync(channel, options, log, _remote, stop).ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or FramingException or IOException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            if (EchoLoop.EndReason(e, SocketStatusMap.StatusOf(e), options, _remote, stop) is { } reason)
            {
                log.Warn(reason);
            }
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }
}
