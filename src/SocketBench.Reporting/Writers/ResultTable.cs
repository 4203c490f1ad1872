using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>The per-case figures both the Markdown and the HTML report show, as rows of text cells.</summary>
public static class ResultTable
{
    public static IReadOnlyList<string> Header { get; } =
        ["Method", "Backend", "Send path", "BufferSize", "BufferCount", "Time/buffer", "99.9 % CI", "Gbit/s", "buffers/s", "Sends/buffer", "Delivered", "÷ iperf3", "÷ shape limit"];

    public static IEnumerable<(string Transport, IReadOnlyList<IReadOnlyList<string>> Rows)> SendTables(ResultSet results) =>
        results.Sends.GroupBy(result => result.Transport).OrderBy(group => group.Key).Select(group =>
            (group.Key, (IReadOnlyList<IReadOnlyList<string>>)group
                .OrderBy(result => result.BufferSize).ThenBy(result => result.BufferCount).ThenBy(result => result.Case.Backend)
                .Select(result => Row(result, results)).ToList()));

    /// <summary>Benchmarks that are not sends (echo and any future type): ID and time per operation.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> OtherRows(ResultSet results) =>
        results.Benchmarks.Where(result => !result.IsSend)
            .Select(result => (IReadOnlyList<string>)[result.FullName, Units.Time(result.Interval.Mean), Percentile(result, "P50"), Percentile(result, "P95")])
            .ToList();

    private static IReadOnlyList<string> Row(BenchmarkResult result, ResultSet results)
    {
        int count = result.BufferCount!.Value;
        return
        [
            result.Method,
            result.Case.Backend.ToString(),
            SendPath(result),
            Units.Bytes(result.BufferSize!.Value),
            Units.Number(count),
            Units.Time(result.NanosecondsPerBuffer!.Value),
            $"{Units.Time(result.Interval.Lower / count)} – {Units.Time(result.Interval.Upper / count)}",
            Units.Number(result.DeliveredGigabitsPerSecond ?? 0, "0.000"),
            Units.Number(result.BuffersPerSecond ?? 0, "#,0"),
            SendsPerBuffer(result),
            result.Metric(BenchmarkResult.DeliveredPercentMetric) is double delivered ? Units.Number(delivered, "0.00") + " %" : "–",
            LimitRatios.Iperf3Cell(result, results.Limits),
            LimitRatios.ShapeLimitCell(result, results),
        ];
    }

    /// <summary>
    /// The system calls behind the row on the OS that measured it, from the run record; flagged when the counted
    /// sends contradict it, so a label is never printed as if the run had kept its promise.
    /// </summary>
    private static string SendPath(BenchmarkResult result) =>
        result.Metric(BenchmarkResult.SendsPerBufferMetric) is double counted && result.Case.SendPathContradiction(counted) is { } contradiction
            ? $"MISMATCH: {contradiction}"
            : result.Case.SendPath;

    /// <summary>Counted sends per buffer; on a backend that hides its system calls, said to be stream calls.</summary>
    private static string SendsPerBuffer(BenchmarkResult result) => result.Metric(BenchmarkResult.SendsPerBufferMetric) is double sends
        ? Units.Number(sends, "0.000") + (result.Case.Counts == CountedCalls.StreamCalls ? " stream calls" : "")
        : "–";

    private static string Percentile(BenchmarkResult result, string name) =>
        result.Percentiles.TryGetValue(name, out double value) ? Units.Time(value) : "–";
}
