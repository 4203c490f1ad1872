namespace SocketBench.Core.Cases;

/// <summary>What the loopback limit tool accepts, shared by the step that runs it and the report that reads its figures.</summary>
public static class Iperf3Limits
{
    /// <summary>The most iperf3 writes per call (it refuses a larger <c>-l</c>): a batch above it has no iperf3 limit.</summary>
    public const long MaxBytesPerCall = 1 << 20;
}
