using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Delivery;

namespace SocketBench.Benchmarks.Columns;

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

    public static CaseFigures? Of(Summary summary, BenchmarkCase benchmarkCase)
    {
        var report = summary[benchmarkCase];
        if (report?.ResultStatistics is not { } statistics
            || benchmarkCase.Parameters["BufferSize"] is not int bufferSize
            || benchmarkCase.Parameters["BufferCount"] is not int bufferCount
            || !report.Metrics.TryGetValue(DeliveryMetrics.DeliveredPercent.Id, out var delivered))
        {
            return null;
        }

        return new CaseFigures(statistics.Mean, bufferSize, bufferCount, delivered.Value / 100);
    }
}
