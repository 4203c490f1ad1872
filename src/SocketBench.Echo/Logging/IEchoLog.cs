namespace SocketBench.Echo.Logging;

/// <summary>Where servers and clients report what they do; the CLI writes to the console, tests record.</summary>
public interface IEchoLog
{
    /// <summary>Normal progress, in the guide's words ("server is listening...").</summary>
    void Info(string line);

    /// <summary>Something a peer did wrong; the server carries on.</summary>
    void Warn(string line);
}

/// <summary>Discards everything: for benchmarks, where logging would be the thing measured.</summary>
public sealed class NullEchoLog : IEchoLog
{
    public static NullEchoLog Instance { get; } = new();

    public void Info(string line)
    {
    }

    public void Warn(string line)
    {
    }
}
