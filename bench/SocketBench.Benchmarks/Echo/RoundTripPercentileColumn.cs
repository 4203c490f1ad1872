using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SocketBench.Benchmarks.Echo;

/// <summary>
/// A percentile of single requests' round-trip times, over the last N requests of the case, where N is
/// the number of requests in its measured (actual workload) iterations, so pilot and warmup requests are
/// left out.
/// </summary>
public sealed class RoundTripPercentileColumn(double percentile) : IColumn
{
    public static IColumn P50 { get; } = new RoundTripPercentileColumn(50);

    public static IColumn P90 { get; } = new RoundTripPercentileColumn(90);

    public static IColumn P99 { get; } = new RoundTripPercentileColumn(99);

    public string Id => $"SocketBench.RttP{percentile}";

    public string ColumnName => string.Create(CultureInfo.InvariantCulture, $"RTT p{percentile} [us]");

    public string Legend => string.Create(CultureInfo.InvariantCulture, $"{percentile}th percentile of single requests' round-trip times, in microseconds, over the requests of the measured iterations");

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        Measured(summary, benchmarkCase) is { Length: > 0 } samples
            ? (Percentile(samples, percentile) / 1000).ToString("N1", CultureInfo.InvariantCulture)
            : "NA";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public override string ToString() => ColumnName;

    private static double[]? Measured(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is null
            || benchmarkCase.Parameters["Protocol"] is not RoundTripCase protocol
            || benchmarkCase.Parameters["BufferSize"] is not int bufferSize
            || RoundTripSamples.PathFor(protocol, bufferSize) is not { } path
            || !File.Exists(path))
        {
            return null;
        }

        long measuredRequests = report.AllMeasurements
            .Where(m => m.IterationMode == IterationMode.Workload && m.IterationStage == IterationStage.Actual)
            .Sum(m => m.Operations);
        var all = RoundTripSamples.Read(path);
        return all.Length < measuredRequests ? all : all[^(int)measuredRequests..];
    }

    /// <summary>Nearest-rank percentile: a value some request really took.</summary>
    internal static double Percentile(double[] samples, double percentile)
    {
        var sorted = (double[])samples.Clone();
        Array.Sort(sorted);
        int rank = (int)Math.Ceiling(percentile / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
