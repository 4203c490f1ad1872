namespace SocketBench.Sockets;

/// <summary>
/// Regressions a test switches on to prove that the gate catches them (docs/gate.md): set
/// <c>SOCKETBENCH_TEST_FAULT</c> to one of the names below before the benchmark process starts. Never set in
/// a real run; the run records the fault in its settings and prints a warning when one is on.
/// </summary>
public static class TestFaults
{
    public const string Variable = "SOCKETBENCH_TEST_FAULT";

    /// <summary>TCP FlushBatched loses its gather send: one send per queued buffer instead of one sendmsg per batch.</summary>
    public const string TcpGatherPerBuffer = "tcp-gather-per-buffer";

    /// <summary>Every WriteAsync on the queued output allocates 32 bytes.</summary>
    public const string AllocatePerWrite = "alloc-per-write";

    /// <summary>TCP FlushBatched makes one extra, empty send per batch that the code does not count: the kernel's count must catch it.</summary>
    public const string UncountedSend = "uncounted-send";

    /// <summary>The fault switched on in this process, or null.</summary>
    public static string? Active { get; } = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } name ? name : null;

    internal static bool SendsTcpGatherPerBuffer { get; } = Active == TcpGatherPerBuffer;

    internal static bool AllocatesPerWrite { get; } = Active == AllocatePerWrite;

    internal static bool SendsUncounted { get; } = Active == UncountedSend;
}
