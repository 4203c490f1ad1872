using SocketBench.Core.Errors;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Logging;

namespace SocketBench.Echo.Servers;

/// <summary>
/// What a UDP echo server does with one datagram, on every backend: drop it (logged) when it is over the limit or
/// not UTF-8, else log it, reply through the backend's own send, and log the reply.
/// </summary>
public static class DatagramEcho
{
    /// <param name="reply">Sends the payload back to <paramref name="sender"/>.</param>
    /// <param name="replyFailure">The status of a failed reply, to log; null for an exception that is not a reply failure (it propagates).</param>
    /// <returns>True when the datagram was echoed.</returns>
    public static async Task<bool> EchoAsync(
        ReadOnlyMemory<byte> payload, string sender, EchoServerOptions options, IEchoLog log, Func<Task> reply, Func<Exception, SocketStatus?> replyFailure)
    {
        if (payload.Length > options.MaxMessageBytes)
        {
            log.Warn($"server dropped a datagram from {sender}: {payload.Length} bytes is over the {options.MaxMessageBytes}-byte limit");
            return false;
        }

        string? text;
        try
        {
            EchoText.Validate(payload.Span);
            text = options.LogMessages ? EchoText.ForDisplay(payload.Span) : null;
        }
        catch (FramingException e)
        {
            log.Warn($"server dropped a datagram from {sender}: {e.Message}");
            return false;
        }

        if (text is not null)
        {
            log.Info($"server received the request: \"{text}\"");
        }

        try
        {
            await reply().ConfigureAwait(false);
        }
        catch (Exception e) when (replyFailure(e) is { } status)
        {
            log.Warn($"server could not reply to {sender}: {status}: {e.Message}");
            return false;
        }

        if (text is not null)
        {
            log.Info($"server sent back the response: \"{text}\" to {sender}");
        }

        return true;
    }
}
