using SocketBench.Core.Batches;
using SocketBench.Reporting.Model;
using SocketBench.Sockets;

namespace SocketBench.Reporting.Writers;

/// <summary>The per-case figures both the Markdown and the HTML report show, as rows of text cells.</summary>
public static class ResultTable
{
    public static IReadOnlyList<string> Header { get; } =
        ["Method", "Send path", "BufferSize", "BufferCount", "Time/buffer", "99.9 % CI", "Gbit/s", "buffers/s", "Sends/buffer", "Delivered", "÷ iperf3", "÷ shape limit"];

    public static IEnumerable<(string Transport, IReadOnlyList<IReadOnlyList<string>> Rows)> SendTables(ResultSet results) =>
        results.Sends.GroupBy(result => result.Transport).OrderBy(group => group.Key).Select(group =>
            (group.Key, (IReadOnlyList<IReadOnlyList<string>>)group
                .OrderBy(result => result.BufferSize).ThenBy(result => result.BufferCount)
                .Select(result => Row(result, results)).ToList()));

    /// <summary>Benchmarks that are not sends (echo and any future type): ID and time per operation.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> OtherRows(ResultSet results) =>
        results.Benchmarks.Where(result => !result.IsSend)
            .Select(result => (IReadOnlyList<string>)[result.FullName, Units.Time(result.Interval.Mean), Percentile(result, "P50"), Percentile(result, "P95")])
            .ToList();

    private static IReadOnlyList<string> Row(BenchmarkResult result, ResultSet results)
    {
        var host = results.Host;
        int count = result.BufferCount!.Value;
        return
        [
            result.Method,
            SendPath(result, host),
            Units.Bytes(result.BufferSize!.Value),
            Units.Number(count),
            Units.Time(result.NanosecondsPerBuffer!.Value),
            $"{Units.Time(result.Interval.Lower / count)} – {Units.Time(result.Interval.Upper / count)}",
            Units.Number(result.DeliveredGigabitsPerSecond ?? 0, "0.000"),
            Units.Number(result.BuffersPerSecond ?? 0, "#,0"),
            result.Metric(BenchmarkResult.SendsPerBufferMetric) is double sends ? Units.Number(sends, "0.000") : "–",
            result.Metric(BenchmarkResult.DeliveredPercentMetric) is double delivered ? Units.Number(delivered, "0.00") + " %" : "–",
            LimitRatios.Iperf3Cell(result, results.Limits),
            LimitRatios.ShapeLimitCell(result, results),
        ];
    }

    /// <summary>
    /// The system calls behind the row on the OS that measured it, from the run record; flagged when the counted
    /// sends contradict it, so a label is never printed as if the run had kept its promise.
    /// </summary>
    private static string SendPath(BenchmarkResult result, HostInfo host)
    {
        if (result.Case is { } identity)
        {
            return result.Metric(BenchmarkResult.SendsPerBufferMetric) is double counted && identity.SendPathContradiction(counted) is { } contradiction
                ? $"MISMATCH: {contradiction}"
                : identity.SendPath;
        }

        return SendPathFromNames(result, host);
    }

    // Results written before the run record: the path is rebuilt from the method name and the OS the export names.
    private static string SendPathFromNames(BenchmarkResult result, HostInfo host)
    {
        bool onLinux = host.Os.StartsWith("Linux", StringComparison.Ordinal);
        if (!Enum.TryParse<SendMethod>(result.Method, out var method))
        {
            return "–";
        }

        if (result.Transport == TransportLabels.Tls)
        {
            // TLS rows are the guide's strategies only: every method that is not an OS reference row.
            return SendMethods.IsOsReference(method) ? "–" : SendPaths.DescribeTls(method, onLinux);
        }

        return Enum.TryParse<Transport>(result.Transport, ignoreCase: true, out var transport) && SendMethods.For(transport).Contains(method)
            ? SendPaths.Describe(transport, method, onLinux)
            : "–";
    }

    private static string Percentile(BenchmarkResult result, string name) =>
        result.Percentiles.TryGetValue(name, out double value) ? Units.Time(value) : "–";
}
