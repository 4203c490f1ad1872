using System.Net;
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
    private readonly EndPoint? _remote = socket.RemoteEndPoint;

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
                using var handshake = IdleDeadline();
                stream = await TlsHandshakes.AsServerAsync(stream, tls, reason => log.Warn($"server rejected {_remote}: {reason}"), handshake.Token).ConfigureAwait(false);
            }

            await EchoLoopAsync(stream).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Shutting down: closing is the point.
        }
        catch (OperationCanceledException)
        {
            log.Warn($"server closed {_remote}: no complete message within the idle timeout of {options.IdleTimeout.TotalSeconds:0.###} s");
        }
        catch (FramingException e)
        {
            log.Warn($"server closed {_remote}: {e.Message}");
        }
        catch (Exception e) when (e is IOException or SocketException or System.Security.Authentication.AuthenticationException)
        {
            log.Warn($"server closed {_remote}: {SocketStatusMap.StatusOf(e)}: {(e.InnerException ?? e).Message.TrimEnd('.')}");
        }
        finally
        {
            await stream.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task EchoLoopAsync(Stream stream)
    {
        var framing = MessageFramings.For(options.Protocol, options.MaxMessageBytes);
        using var reader = new FrameReader(stream, framing);
        while (true)
        {
            ReadOnlyMemory<byte>? message;
            using (var idle = IdleDeadline())
            {
                message = await reader.ReadAsync(idle.Token).ConfigureAwait(false);
            }

            if (message is not { } payload)
            {
                if (options.LogMessages)
                {
                    log.Info($"server saw {_remote} close its socket");
                }

                return;
            }

            EchoText.Validate(payload.Span);
            string? text = options.LogMessages ? EchoText.ForDisplay(payload.Span) : null;
            if (text is not null)
            {
                log.Info($"server received the request: \"{text}\"");
            }

            await FrameWriter.WriteAsync(stream, framing, payload, stop).ConfigureAwait(false);
            if (text is not null)
            {
                log.Info($"server sent back the response: \"{text}\"");
            }

            if (options.Once)
            {
                return;
            }
        }
    }

    private CancellationTokenSource IdleDeadline()
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(options.IdleTimeout);
        return deadline;
    }
}
