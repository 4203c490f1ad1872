using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Columns;

/// <summary>The system calls a row's method makes on this OS, e.g. "sendmmsg per batch" or "send per datagram (fallback)".</summary>
public sealed class SendPathColumn : IColumn
{
    public static IColumn Instance { get; } = new SendPathColumn();

    public string Id => "SocketBench.SendPath";

    public string ColumnName => "Send path";

    public string Legend => "System calls the method makes on this OS (fallback: the OS lacks the batched call; on WinRT, the stream calls, since its system calls are not visible); MISMATCH when the counted sends contradict it";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => -1;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Only in tables of send benchmarks (an echo round trip has no send method).</summary>
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(CaseRecords.IsSend);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Text(CaseRecords.Of(benchmarkCase), CountedSendsPerBuffer(summary[benchmarkCase]?.Metrics));

    /// <summary>The code's count of sends per buffer, or the kernel's where the code cannot count (.NET API rows).</summary>
    public static double? CountedSendsPerBuffer(IReadOnlyDictionary<string, Metric>? metrics) =>
        metrics is null ? null
        : metrics.TryGetValue(DeliveryMetrics.SendsPerBuffer.Id, out var code) ? code.Value
        : metrics.TryGetValue(DeliveryMetrics.KernelSendsPerBuffer.Id, out var kernel) ? kernel.Value
        : null;

    /// <summary>The label, or the label flagged with what was counted when the counted sends contradict it; "?" for a row that is not a send.</summary>
    public static string Text(CaseRecord? identity, double? sendsPerBuffer) =>
        identity is not { Kind: not CaseKind.RoundTrip } ? "?"
        : sendsPerBuffer is double sends && identity.SendPathContradiction(sends) is { } contradiction ? $"MISMATCH: {contradiction}"
        : identity.SendPath;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public override string ToString() => ColumnName;
}
