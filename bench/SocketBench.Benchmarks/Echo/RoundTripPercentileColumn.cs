using System.Globalization;
using System.Runtime.InteropServices;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Columns;

namespace SocketBench.Benchmarks.Echo;

/// <summary>Adds the per-request percentile columns to the round-trip benchmarks only.</summary>
public sealed class RoundTripConfig : ManualConfig
{
    public RoundTripConfig() => AddColumn(RoundTripPercentileColumn.P50, RoundTripPercentileColumn.P90, RoundTripPercentileColumn.P99);
}

/// <summary>
/// A percentile of single requests' round-trip times, over the last N requests of the case, where N is
/// the number of requests in its measured (actual workload) iterations, so pilot and warmup requests are
/// left out.
/// </summary>
public static class RoundTripPercentileColumn
{
    public static IColumn P50 { get; } = For(50);

    public static IColumn P90 { get; } = For(90);

    public static IColumn P99 { get; } = For(99);

    private static FigureColumn For(double percentile) => new(
        $"SocketBench.RttP{percentile}",
        string.Create(CultureInfo.InvariantCulture, $"RTT p{percentile} [us]"),
        string.Create(CultureInfo.InvariantCulture, $"{percentile}th percentile of single requests' round-trip times, in microseconds, over the requests of the measured iterations"),
        (summary, benchmarkCase) => Measured(summary, benchmarkCase) is { Length: > 0 } samples
            ? (Percentile(samples, percentile) / 1000).ToString("N1", CultureInfo.InvariantCulture)
            : "NA",
        SendsOnly: false,
        PriorityInCategory: 1);

    private static double[]? Measured(Summary summary, BenchmarkCase benchmarkCase)
    {
        if (summary[benchmarkCase] is not { ResultStatistics: not null } report
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

/// <summary>
/// Every request's own round-trip time, carried from the process that ran the case to the host's columns
/// (BenchmarkDotNet's percentiles are of iteration means, not of requests). The file sits beside the
/// delivery ledger, which the host points every benchmark process at, and is named after the case.
/// </summary>
public static class RoundTripSamples
{
    /// <summary>Enough for every request of a default-job case; older samples (pilot, warmup) are dropped first.</summary>
    public const int Capacity = 1 << 20;

    public static string? PathFor(RoundTripCase protocol, int bufferSize) =>
        Environment.GetEnvironmentVariable(Delivery.DeliveryLedger.PathVariable) is { Length: > 0 } ledger
            ? Path.Combine(Path.GetDirectoryName(ledger)!, $"echo-rtt-{protocol}-{bufferSize}.bin")
            : null;

    /// <summary>Writes samples oldest first, in nanoseconds, as raw little-endian doubles.</summary>
    public static void Write(string path, IEnumerable<double> nanoseconds) => File.WriteAllBytes(path, MemoryMarshal.AsBytes(nanoseconds.ToArray().AsSpan()));

    public static double[] Read(string path) => MemoryMarshal.Cast<byte, double>(File.ReadAllBytes(path)).ToArray();
}
