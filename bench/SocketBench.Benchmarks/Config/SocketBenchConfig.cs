using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Filters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Columns;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Core.Cases;
using SocketBench.Core.Peers;
using SocketBench.Sockets.Native;

namespace SocketBench.Benchmarks.Config;

/// <summary>The one config every run uses: the chosen job, memory and delivery diagnosers, the figure columns, and the exports compare reads.</summary>
public static class SocketBenchConfig
{
    /// <param name="shapes">Only cases of these shapes (--shapes); empty for all.</param>
    public static IConfig Create(Job job, string artifactsPath, IReadOnlyList<(int BufferSize, int BufferCount)>? shapes = null) => ManualConfig.CreateEmpty()
        .AddJob(job)
        .AddColumnProvider(DefaultColumnProviders.Instance)
        .AddColumn(FigureColumn.SendPath, FigureColumn.NanosecondsPerBuffer, FigureColumn.Gigabits, FigureColumn.BuffersPerSecond, FigureColumn.Delivered)
        .AddDiagnoser(MemoryDiagnoser.Default, DeliveryDiagnoser.Default)
        .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
        .AddLogger(DefaultConfig.Instance.GetLoggers().ToArray())
        // The quick job's short iterations are a deliberate trade (CI time against precision): a warning on
        // every case that they are short would bury the warnings that matter.
        .AddAnalyser(DefaultConfig.Instance.GetAnalysers()
            .Where(analyser => analyser is not MinIterationTimeAnalyser || job.Run.IterationTime != SocketBenchJobs.QuickIterationTime).ToArray())
        .AddValidator(DefaultConfig.Instance.GetValidators().ToArray())
        .AddFilter(new SimpleFilter(IsOfferedOnThisOs))
        .AddFilter(new SimpleFilter(benchmarkCase => job != SocketBenchJobs.Gate || IsGateCase(benchmarkCase)))
        .AddFilter(new SimpleFilter(benchmarkCase => shapes is not { Count: > 0 } || HasShape(benchmarkCase, shapes)))
        .WithArtifactsPath(artifactsPath)
        .WithOrderer(ParamsThenMethodOrderer.Instance)
        .WithOption(ConfigOptions.JoinSummary, false);

    /// <summary>Whether the gate job measures this case: every method, at the gate's shapes only.</summary>
    public static bool IsGateCase(BenchmarkCase benchmarkCase) =>
        HasShape(benchmarkCase, SocketBenchJobs.GateShapes, echoSize => echoSize == SocketBenchJobs.GateEchoSize);

    /// <summary>A send case of one of <paramref name="shapes"/>; an echo case of one of their sizes, unless <paramref name="isEchoSize"/> decides.</summary>
    private static bool HasShape(BenchmarkCase benchmarkCase, IReadOnlyList<(int BufferSize, int BufferCount)> shapes, Func<int, bool>? isEchoSize = null) =>
        CaseRecords.Of(benchmarkCase) switch
        {
            { Kind: CaseKind.RoundTrip } echo => isEchoSize?.Invoke(echo.BufferSize) ?? shapes.Any(shape => shape.BufferSize == echo.BufferSize),
            { } send => shapes.Contains((send.BufferSize, send.BufferCount)),
            null => false,
        };

    /// <summary>
    /// Rows built from Linux system calls (or a kernel feature this machine lacks) are left out rather than run to fail;
    /// so are the TLS send rows against a --peer, whose sink speaks plain TCP (the run prints a note).
    /// </summary>
    public static bool IsOfferedOnThisOs(BenchmarkCase benchmarkCase) =>
        (OperatingSystem.IsLinux() || !benchmarkCase.Descriptor.HasCategory(Categories.LinuxOnly))
        && (UdpGso.IsAvailable || !benchmarkCase.Descriptor.HasCategory(Categories.UdpGso))
        && (PeerAddress.FromEnvironment() is null || !benchmarkCase.Descriptor.HasCategory(Categories.Tls));
}
