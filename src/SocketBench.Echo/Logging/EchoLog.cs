namespace SocketBench.Echo.Logging;

/// <summary>
/// Where servers report what they do, one whole line at a time: progress in the guide's words ("server is
/// listening..."), and warnings about what a peer did wrong (the server carries on). The CLI writes them to the
/// console and tests record them; benchmarks, where logging would be the thing measured, discard them.
/// </summary>
public sealed class EchoLog(Action<string> write)
{
    public static EchoLog None { get; } = new(_ => { });

    public void Info(string line) => write(line);

    public void Warn(string line) => write($"warning: {line}");
}
