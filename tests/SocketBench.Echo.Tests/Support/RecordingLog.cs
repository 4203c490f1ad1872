using System.Collections.Concurrent;
using SocketBench.Echo.Logging;

namespace SocketBench.Echo.Tests.Support;

/// <summary>Keeps every line a server logs, and waits (with a deadline, never a sleep) for one to appear.</summary>
internal sealed class RecordingLog
{
    private readonly ConcurrentQueue<string> _lines = new();

    public IReadOnlyCollection<string> Lines => _lines;

    public IEnumerable<string> Warnings => _lines.Where(l => l.StartsWith("warning: ", StringComparison.Ordinal));

    /// <summary>What a server is given: every line it writes lands here.</summary>
    public static implicit operator EchoLog(RecordingLog log) => new(log._lines.Enqueue);

    public async Task<string> WaitForAsync(string fragment, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Deadlines.Default);
        while (DateTime.UtcNow < deadline)
        {
            var hit = _lines.FirstOrDefault(l => l.Contains(fragment, StringComparison.Ordinal));
            if (hit is not null)
            {
                return hit;
            }

            await Task.Delay(10);
        }

        throw new TimeoutException($"no log line containing '{fragment}' within the deadline; lines:\n{string.Join("\n", _lines)}");
    }
}
