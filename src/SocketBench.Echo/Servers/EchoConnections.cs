using System.Collections.Concurrent;
using SocketBench.Echo.Logging;

namespace SocketBench.Echo.Servers;

/// <summary>
/// A TCP echo server's connections, on every backend: the cap (past it a client is refused with one logged line),
/// the count of those being served, and a way to wait for all of them when the server stops.
/// </summary>
public sealed class EchoConnections(EchoServerOptions options, IEchoLog log)
{
    private readonly ConcurrentDictionary<long, Task> _serving = new();
    private long _nextId;
    private int _open;

    /// <summary>Connections being served right now.</summary>
    public int Open => Volatile.Read(ref _open);

    /// <summary>Counts one more connection; false (and a logged refusal) when the cap is reached, and the caller closes it.</summary>
    public bool TryAdmit(string remote)
    {
        if (Interlocked.Increment(ref _open) <= options.MaxConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _open);
        log.Warn($"server refused a connection from {remote}: {options.MaxConnections} connections already open (--max-connections)");
        return false;
    }

    /// <summary>Serves an admitted connection; it is counted and awaited by <see cref="WhenAllClosed"/> until it ends.</summary>
    public async Task ServeAsync(Func<Task> run)
    {
        long id = Interlocked.Increment(ref _nextId);
        var task = run();
        _serving[id] = task;
        try
        {
            await task.ConfigureAwait(false);
        }
        finally
        {
            _serving.TryRemove(id, out _);
            Interlocked.Decrement(ref _open);
        }
    }

    /// <summary>Completes when every connection being served now has ended.</summary>
    public Task WhenAllClosed() => Task.WhenAll(_serving.Values);
}
