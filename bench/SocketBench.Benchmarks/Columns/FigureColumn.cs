using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Columns;

/// <summary>A SocketBench column of the BenchmarkDotNet tables: one text per case, e.g. ns/buffer or the send path.</summary>
public sealed record FigureColumn(
    string Id, string ColumnName, string Legend, Func<Summary, BenchmarkCase, string> Value, bool SendsOnly = true, bool IsNumeric = true, int PriorityInCategory = 0) : IColumn
{
    public static IColumn NanosecondsPerBuffer { get; } = Figure(
        "ns/buffer", "Mean time per buffer sent and delivered (Mean / BufferCount)",
        figures => Format(figures.NanosecondsPerBuffer, "N1"));

    public static IColumn Gigabits { get; } = Figure(
        "Gbit/s", "Payload bits delivered per second, in gigabits (lost datagrams not counted)",
        figures => Format(figures.DeliveredGigabitsPerSecond, "N3"));

    public static IColumn BuffersPerSecond { get; } = Figure(
        "buffers/s", "Buffers (datagrams) delivered per second",
        figures => Format(figures.DeliveredBuffersPerSecond, "N0"));

    /// <summary>Delivered share of the bytes sent; a row that lost anything is flagged so it cannot be read as a clean result.</summary>
    public static IColumn Delivered { get; } = Figure(
        "Delivered", "Bytes delivered / bytes sent; 'LOSS' marks a row where the receiver did not get everything",
        figures => FormatDelivered(figures.DeliveredRatio),
        sendsOnly: false);

    /// <summary>The system calls a row's method makes on this OS, e.g. "sendmmsg per batch" or "send per datagram (fallback)".</summary>
    public static IColumn SendPath { get; } = new FigureColumn(
        "SocketBench.SendPath",
        "Send path",
        "System calls the method makes on this OS (fallback: the OS lacks the batched call; on WinRT, the stream calls, since its system calls are not visible); MISMATCH when the counted sends contradict it",
        (summary, benchmarkCase) => SendPathText(CaseRecords.Of(benchmarkCase), CountedSendsPerBuffer(summary[benchmarkCase]?.Metrics)),
        IsNumeric: false,
        PriorityInCategory: -1);

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Send columns belong to send tables; an echo round trip has no send method and its own latency columns.</summary>
    public bool IsAvailable(Summary summary) => !SendsOnly || summary.BenchmarksCases.Any(CaseRecords.IsSend);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => Value(summary, benchmarkCase);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public override string ToString() => ColumnName;

    /// <summary>The code's count of sends per buffer, or the kernel's where the code cannot count (.NET API rows).</summary>
    public static double? CountedSendsPerBuffer(IReadOnlyDictionary<string, Metric>? metrics) =>
        metrics is null ? null
        : metrics.TryGetValue(DeliveryMetrics.SendsPerBuffer.Id, out var code) ? code.Value
        : metrics.TryGetValue(DeliveryMetrics.KernelSendsPerBuffer.Id, out var kernel) ? kernel.Value
        : null;

    /// <summary>The Send path label, or the label flagged with what was counted when the counted sends contradict it; "?" for a row that is not a send.</summary>
    public static string SendPathText(CaseRecord? identity, double? sendsPerBuffer) =>
        identity is not { Kind: not CaseKind.RoundTrip } ? "?"
        : sendsPerBuffer is double sends && identity.SendPathContradiction(sends) is { } contradiction ? $"MISMATCH: {contradiction}"
        : identity.SendPath;

    internal static string FormatDelivered(double ratio) =>
        ratio >= 1 ? "100 %" : Format(Math.Floor(ratio * 10000) / 100, "N2") + " % LOSS";

    /// <summary>A column that shows one figure derived from a case's mean time and delivery.</summary>
    private static FigureColumn Figure(string name, string legend, Func<CaseFigures, string> format, bool sendsOnly = true) =>
        new("SocketBench." + name, name, legend, (summary, benchmarkCase) => CaseFigures.Of(summary, benchmarkCase) is { } figures ? format(figures) : "?", sendsOnly);

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}

/// <summary>
/// The measured figures of one case, per buffer and per second. Throughput counts only what the
/// receiver got: data that never arrived is not throughput.
/// </summary>
internal readonly record struct CaseFigures(double NanosecondsPerBatch, int BufferSize, int BufferCount, double DeliveredRatio)
{
    public double NanosecondsPerBuffer => NanosecondsPerBatch / BufferCount;

    public double DeliveredBuffersPerSecond => BufferCount * DeliveredRatio / NanosecondsPerBatch * 1e9;

    /// <summary>Delivered payload bits per nanosecond, which is Gbit/s.</summary>
    public double DeliveredGigabitsPerSecond => (double)BufferSize * BufferCount * DeliveredRatio * 8 / NanosecondsPerBatch;

    public static CaseFigures? Of(Summary summary, BenchmarkCase benchmarkCase) =>
        summary[benchmarkCase] is { ResultStatistics: { } statistics } report
        && benchmarkCase.Parameters["BufferSize"] is int bufferSize
        && benchmarkCase.Parameters["BufferCount"] is int bufferCount
        && report.Metrics.TryGetValue(DeliveryMetrics.DeliveredPercent.Id, out var delivered)
            ? new CaseFigures(statistics.Mean, bufferSize, bufferCount, delivered.Value / 100)
            : null;
}
