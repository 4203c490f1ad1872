using System.Diagnostics;

namespace SocketBench.Sockets.Sessions;

/// <summary>How a session waits for its receiver, on every backend.</summary>
public static class DeliveryWait
{
    /// <summary>
    /// Spins (never sleeps: a millisecond nap would swamp the microseconds measured) until <paramref name="done"/>
    /// holds, the receiver reports a failure, or <paramref name="progress"/> has not moved for <paramref name="stallLimit"/>.
    /// The callbacks take <paramref name="state"/>, so a caller's static lambdas allocate nothing per wait.
    /// </summary>
    public static void SpinUntil<TState>(
        TState state, Func<TState, bool> done, Func<TState, long> progress, Func<TState, string?> failure, TimeSpan stallLimit, Func<TState, string> describeStall)
    {
        var spinner = new SpinWait();
        long lastSeen = progress(state);
        long lastMoved = Stopwatch.GetTimestamp();
        while (!done(state))
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            if (spinner.Count % 1024 != 0)
            {
                continue;
            }

            ThrowIfFailed(failure(state));
            long seen = progress(state);
            if (seen != lastSeen)
            {
                lastSeen = seen;
                lastMoved = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastMoved) > stallLimit)
            {
                throw new TimeoutException(describeStall(state));
            }
        }

        ThrowIfFailed(failure(state));
    }

    /// <summary>Throws when the receiver reported a failure (a socket error, or in verify mode a wrong byte).</summary>
    public static void ThrowIfFailed(string? failure)
    {
        if (failure is not null)
        {
            throw new InvalidOperationException($"Delivery check failed: {failure}.");
        }
    }
}
