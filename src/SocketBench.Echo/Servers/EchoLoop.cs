using SocketBench.Core.Errors;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Logging;

namespace SocketBench.Echo.Servers;

/// <summary>
/// What a TCP echo connection does once it is open, on every backend: read a message within the idle timeout,
/// check it is UTF-8, echo it, repeat; and the one line logged when a client ends it badly.
/// </summary>
public static class EchoLoop
{
    /// <summary>Echoes until the peer closes (or after one message with Once). A peer's mistake surfaces as an exception for <see cref="EndReason"/>.</summary>
    public static async Task RunAsync(IMessageChannel channel, EchoServerOptions options, IEchoLog log, string remote, CancellationToken stop)
    {
        while (true)
        {
            ReadOnlyMemory<byte>? message;
            using (var idle = IdleDeadline(options, stop))
            {
                message = await channel.ReadAsync(idle.Token).ConfigureAwait(false);
            }

            if (message is not { } payload)
            {
                if (options.LogMessages)
                {
                    log.Info($"server saw {remote} close its socket");
                }

                return;
            }

            EchoText.Validate(payload.Span);
            string? text = options.LogMessages ? EchoText.ForDisplay(payload.Span) : null;
            if (text is not null)
            {
                log.Info($"server received the request: \"{text}\"");
            }

            await channel.WriteAsync(payload, stop).ConfigureAwait(false);
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

    /// <summary>A token that fires after the idle timeout, or when the server stops.</summary>
    public static CancellationTokenSource IdleDeadline(EchoServerOptions options, CancellationToken stop)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(stop);
        deadline.CancelAfter(options.IdleTimeout);
        return deadline;
    }

    /// <summary>
    /// The warning a server logs when a connection ended with <paramref name="exception"/> (already named as
    /// <paramref name="status"/> by the backend's table); null when the server's own shutdown ended it.
    /// </summary>
    public static string? EndReason(Exception exception, SocketStatus status, EchoServerOptions options, string remote, CancellationToken stop) => exception switch
    {
        OperationCanceledException when stop.IsCancellationRequested => null,
        OperationCanceledException => $"server closed {remote}: no complete message within the idle timeout of {options.IdleTimeout.TotalSeconds:0.###} s",
        FramingException => $"server closed {remote}: {exception.Message}",
        _ => $"server closed {remote}: {status}: {(exception.InnerException ?? exception).Message.ReplaceLineEndings(" ").TrimEnd('.', ' ')}",
    };
}
