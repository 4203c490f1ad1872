using System.Globalization;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Statistics;

/// <summary>One counter of one row that differs between base and new, and whether that fails the comparison.</summary>
/// <param name="Rule">What the counter is held to, e.g. "exact" or "tolerance 1.00 points".</param>
public sealed record CounterChange(string Label, string Counter, double Base, double New, bool Fails, string Rule)
{
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Label}: {Counter} {Format(Base)} → {Format(New)} ({Rule}{(Fails ? "" : ", within it")})");

    // Byte counts are whole numbers; per-buffer ratios read best with three decimals (0.016 is one send per 64 buffers).
    private string Format(double value) => value.ToString(Counter.Contains("byte", StringComparison.Ordinal) || Counter.Contains("B/", StringComparison.Ordinal) ? "0" : "0.000", CultureInfo.InvariantCulture);
}

/// <summary>
/// Judges the counters of a matched pair before any timing: send calls, TLS writes and records, and what the
/// sending thread allocates are exact, so any change fails; TCP and TLS must deliver every byte; UDP delivery and
/// the process-wide allocation figure vary between runs of one build, so they fail only beyond a tolerance
/// measured from A/A runs (docs/gate.md).
/// </summary>
public static class CounterJudge
{
    private static readonly (string Metric, string Name)[] ExactCounters =
    [
        (BenchmarkResult.SendsPerBufferMetric, "sends/buffer"),
        (BenchmarkResult.TlsWritesPerBufferMetric, "TLS writes/buffer"),
        (BenchmarkResult.TlsRecordsPerBufferMetric, "TLS records/buffer"),
        (BenchmarkResult.SenderBytesPerBatchMetric, "sender bytes/batch"),
        (BenchmarkResult.KernelSendsPerBufferMetric, "kernel sends/buffer"),
    ];

    public static IEnumerable<CounterChange> Judge(BenchmarkResult baseResult, BenchmarkResult newResult, ComparisonOptions options)
    {
        string label = baseResult.Label;
        foreach (var (metric, name) in ExactCounters)
        {
            if (baseResult.Metric(metric) is double before && newResult.Metric(metric) is double after && Math.Abs(after - before) > 1e-9 * Math.Max(1, Math.Abs(before)))
            {
                // WinRT hides its system calls: its rows count stream calls, and the verdict must say which it was.
                string counter = metric == BenchmarkResult.SendsPerBufferMetric && baseResult.Case.Counts == CountedCalls.StreamCalls ? "stream calls/buffer" : name;
                yield return new CounterChange(label, counter, before, after, Fails: true, "exact: any change fails");
            }
        }

        if (baseResult.Metric(BenchmarkResult.DeliveredPercentMetric) is double baseDelivered && newResult.Metric(BenchmarkResult.DeliveredPercentMetric) is double newDelivered
            && Math.Abs(newDelivered - baseDelivered) > 1e-9)
        {
            yield return baseResult.Case.Transport == CaseTransport.Udp
                ? new CounterChange(label, "delivered %", baseDelivered, newDelivered, Fails: newDelivered < baseDelivered - options.UdpDeliveredTolerance,
                    string.Create(CultureInfo.InvariantCulture, $"UDP: may drop {options.UdpDeliveredTolerance:0.##} points"))
                : new CounterChange(label, "delivered %", baseDelivered, newDelivered, Fails: newDelivered < 100, "streams deliver 100 %");
        }

        if (baseResult.Metric(BenchmarkResult.AllocatedMetric) is double baseAllocated && newResult.Metric(BenchmarkResult.AllocatedMetric) is double newAllocated
            && newAllocated > baseAllocated + options.AllocatedTolerance)
        {
            yield return new CounterChange(label, "allocated B/batch (all threads)", baseAllocated, newAllocated, Fails: true,
                string.Create(CultureInfo.InvariantCulture, $"may grow {options.AllocatedTolerance:0} B"));
        }
    }

    /// <summary>Rows whose counted sends contradict their "Send path" label, e.g. a "sendmsg per batch" row that made one send per buffer.</summary>
    public static IEnumerable<string> SendPathMismatches(ResultSet results) =>
        results.Benchmarks.Where(result => result.SendPathContradiction is not null).Select(result => $"{result.Label}: {result.SendPathContradiction}");
}
