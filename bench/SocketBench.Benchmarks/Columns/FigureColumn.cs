using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SocketBench.Benchmarks.Columns;

/// <summary>A column that shows one figure derived from a case's mean time and delivery, e.g. ns/buffer.</summary>
public sealed class FigureColumn : IColumn
{
    private readonly Func<CaseFigures, string> _format;

    private readonly bool _sendsOnly;

    private FigureColumn(string name, string legend, Func<CaseFigures, string> format, bool sendsOnly = true)
    {
        _sendsOnly = sendsOnly;
        ColumnName = name;
        Legend = legend;
        _format = format;
    }

    public static IColumn NanosecondsPerBuffer { get; } = new FigureColumn(
        "ns/buffer", "Mean time per buffer sent and delivered (Mean / BufferCount)",
        figures => Format(figures.NanosecondsPerBuffer, "N1"));

    public static IColumn Gigabits { get; } = new FigureColumn(
        "Gbit/s", "Payload bits delivered per second, in gigabits (lost datagrams not counted)",
        figures => Format(figures.DeliveredGigabitsPerSecond, "N3"));

    public static IColumn BuffersPerSecond { get; } = new FigureColumn(
        "buffers/s", "Buffers (datagrams) delivered per second",
        figures => Format(figures.DeliveredBuffersPerSecond, "N0"));

    /// <summary>Delivered share of the bytes sent; a row that lost anything is flagged so it cannot be read as a clean result.</summary>
    public static IColumn Delivered { get; } = new FigureColumn(
        "Delivered", "Bytes delivered / bytes sent; 'LOSS' marks a row where the receiver did not get everything",
        figures => FormatDelivered(figures.DeliveredRatio),
        sendsOnly: false);

    public string Id => "SocketBench." + ColumnName;

    public string ColumnName { get; }

    public string Legend { get; }

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Per-buffer figures belong to send tables; an echo round trip has its own latency columns.</summary>
    public bool IsAvailable(Summary summary) => !_sendsOnly || summary.BenchmarksCases.Any(Config.CaseRecords.IsSend);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        CaseFigures.Of(summary, benchmarkCase) is { } figures ? _format(figures) : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public override string ToString() => ColumnName;

    internal static string FormatDelivered(double ratio) =>
        ratio >= 1 ? "100 %" : Format(Math.Floor(ratio * 10000) / 100, "N2") + " % LOSS";

    private static string Format(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
