

namespace SocketBench.Sockets.Sessions;

/// <summary>How a loopback session is opened.</summary>
/// <param name="NoDelay">TCP_NODELAY on the sending socket; on by default, as WinRT's StreamSocketControl.NoDelay.</param>
/// <param name="Verify">Stamp each buffer with its sequence number and have the receiver check content and order (tests; slower).</param>
/// <param name="Receiver">Where the receiver runs and how it waits; tests keep the blocking receiver, benchmarks take the run's setting.</param>
public sealed record SessionOptions(bool NoDelay = true, bool Verify = false, ReceiverMode Receiver = ReceiverMode.Block)
{
    public static SessionOptions Default { get; } = new();
}

/// <summary>
/// Where a loopback session's receiver runs and how it waits for data: a recorded setting of every run,
/// because it changes what a row measures, not only how noisy it is (docs/gate.md). The echo round trips have no
/// receiver of this kind: under inline and spin their client and in-process server share CPU 0 (no request waits for
/// another CPU to wake), under block the scheduler places them.
/// </summary>
public enum ReceiverMode
{
    /// <summary>
    /// No receiver thread: the benchmark thread, pinned to CPU 0, reads what has arrived itself, after every
    /// <see cref="SocketSession.InlineReadInterval"/> bytes sent and at the wait for delivery. The data never
    /// crosses to another CPU and no receiver is woken; the reads are in the measured time, amortised over that interval.
    /// </summary>
    Inline,

    /// <summary>
    /// The receiver thread is pinned to the last CPU and spins on a readiness check instead of sleeping in
    /// the kernel; the sending thread is pinned to CPU 0. No wake-up of a sleeping receiver is in the
    /// measured time, and the two never compete for one core.
    /// </summary>
    Spin,

    /// <summary>The receiver blocks in recv and the scheduler places both threads: each send may pay for waking the receiver.</summary>
    Block,
}

public static class ReceiverModes
{
    /// <summary>Parses "inline", "spin" or "block" (case-insensitive); throws a one-line error quoting the bad value.</summary>
    public static ReceiverMode Parse(string text) => text.ToLowerInvariant() switch
    {
        "inline" => ReceiverMode.Inline,
        "spin" => ReceiverMode.Spin,
        "block" => ReceiverMode.Block,
        _ => throw new ArgumentException($"Invalid --receiver '{text}'. Valid: inline, spin, block. Example: --receiver spin."),
    };

    public static string Name(this ReceiverMode mode) => mode.ToString().ToLowerInvariant();
}
