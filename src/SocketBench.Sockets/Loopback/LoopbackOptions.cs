namespace SocketBench.Sockets.Loopback;

/// <summary>How a loopback session is opened.</summary>
/// <param name="NoDelay">TCP_NODELAY on the sending socket; on by default, as WinRT's StreamSocketControl.NoDelay.</param>
/// <param name="Verify">Stamp each buffer with its sequence number and have the receiver check content and order (tests; slower).</param>
/// <param name="Receiver">Where the receiver runs and how it waits; tests keep the blocking receiver, benchmarks take the run's setting.</param>
public sealed record LoopbackOptions(bool NoDelay = true, bool Verify = false, ReceiverMode Receiver = ReceiverMode.Block)
{
    public static LoopbackOptions Default { get; } = new();
}
