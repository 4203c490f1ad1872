using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
#if WINDOWS
using BenchmarkDotNet.Toolchains.CsProj;
using BenchmarkDotNet.Toolchains.DotNetCli;
#endif
using Perfolizer.Horology;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// The named jobs. BenchmarkDotNet's own default job would take over half an hour for the matrix here, so these
/// trade iterations for a matrix that finishes (the README's job table has their wall times).
/// </summary>
public static class SocketBenchJobs
{
    // Declared before the jobs: static properties initialise in order.
    /// <summary>Short enough for the whole matrix to be a quick look; below BenchmarkDotNet's 100 ms advice, on purpose.</summary>
    public static TimeInterval QuickIterationTime { get; } = TimeInterval.FromMilliseconds(50);

    /// <summary>The main job (id "Main": BenchmarkDotNet reserves "Default" for its own): every case in its own process, 6 warmups and 6 measured 100 ms iterations.</summary>
    /// <remarks>
    /// A fresh process runs the send path in unoptimized code for its first few hundred milliseconds, until tiered
    /// compilation replaces it; with one warmup that switch often fell among the measured iterations and moved a row's
    /// median up to 2× from one run to the next (docs/gate.md, "Warm-up").
    /// </remarks>
    public static Job Default { get; } = OutOfProcess(Tuned("Main", iterations: 6, iterationTime: TimeInterval.FromMilliseconds(100)).WithWarmupCount(6));

    /// <summary>The CI job: in-process (no per-case build or process start), 1 warmup and 3 measured 50 ms iterations.</summary>
    public static Job Quick { get; } = Tuned("Quick", iterations: 3, iterationTime: QuickIterationTime)
        .WithToolchain(InProcessEmitToolchain.Instance);

    /// <summary>
    /// The gate's job: in-process like Quick, only the shapes in <see cref="GateShapes"/>. Within one process a row's
    /// iterations agree closely and the level moves between processes, so the gate runs this job in several short
    /// rounds per side (processes) rather than one long one. One warmup: BenchmarkDotNet's pilot iterations before it
    /// already run the case at full length, and a gate in A/B mode runs this job at least eight times.
    /// </summary>
    public static Job Gate { get; } = Tuned("Gate", iterations: 4, iterationTime: TimeInterval.FromMilliseconds(30))
        .WithToolchain(InProcessEmitToolchain.Instance);

    /// <summary>The batch shapes the gate job measures: a small batch, a large one, and one single buffer.</summary>
    public static IReadOnlyList<(int BufferSize, int BufferCount)> GateShapes { get; } = [(64, 64), (1024, 256), (64, 1)];

    /// <summary>The echo payload the gate job measures (one request per round trip).</summary>
    public const int GateEchoSize = 32;

    public static IReadOnlyDictionary<string, Job> ByName { get; } = new Dictionary<string, Job>(StringComparer.OrdinalIgnoreCase)
    {
        ["default"] = Default,
        ["quick"] = Quick,
        ["gate"] = Gate,
    };

#if WINDOWS
    // The Windows bench build (WinRT beside the portable backend): BenchmarkDotNet would build each case's
    // process for plain net10.0, which cannot reference the WinRT projection, so name the Windows TFM.
    private static Job OutOfProcess(Job job) => job.WithToolchain(CsProjCoreToolchain.From(
        new NetCoreAppSettings("net10.0-windows10.0.19041.0", runtimeFrameworkVersion: null!, name: ".NET 10 (Windows)")));
#else
    private static Job OutOfProcess(Job job) => job;
#endif

    private static Job Tuned(string id, int iterations, TimeInterval iterationTime) => Job.Default
        .WithId(id)
        .WithLaunchCount(1)
        .WithWarmupCount(1)
        .WithIterationCount(iterations)
        .WithIterationTime(iterationTime)
        // One invocation already sends many batches and ends on delivery; unrolling 16 of them would
        // only stretch the slowest cases to many seconds per iteration.
        .WithUnrollFactor(1)
        // One invocation of the largest shapes (64 batches of 256 x 16 KiB) already takes about 200 ms;
        // BenchmarkDotNet's minimum of 4 invocations per iteration would make each iteration close to a second.
        .WithMinInvokeCount(1)
        // The overhead of an empty invocation is nanoseconds against invocations of tens of microseconds or more.
        .WithEvaluateOverhead(false);
}
