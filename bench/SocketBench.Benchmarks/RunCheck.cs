using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Reports;
using SocketBench.Benchmarks.Delivery;

namespace SocketBench.Benchmarks;

/// <summary>
/// The last word on a run: a case with no measurements, no delivery ledger or nothing delivered
/// makes the run fail, so a benchmark that silently measured nothing can never pass for a result.
/// </summary>
public static class RunCheck
{
    /// <param name="expectKernelCounts">The kernel counter works here: every portable send row must then carry its kernel count.</param>
    public static List<string> Inspect(IEnumerable<Summary> summaries, bool expectKernelCounts) => (
        from summary in summaries
        from benchmarkCase in summary.BenchmarksCases
        let report = summary[benchmarkCase]
        select ProblemOf(benchmarkCase.DisplayInfo, report?.ResultStatistics is not null, report?.Metrics)
            ?? (expectKernelCounts && Config.CaseRecords.Of(benchmarkCase) is { Backend: Core.Sending.Backend.Sockets, Kind: not Core.Cases.CaseKind.RoundTrip }
                && report?.Metrics.ContainsKey(DeliveryMetrics.KernelSendsPerBuffer.Id) != true
                ? $"{benchmarkCase.DisplayInfo}: no kernel send count (its counter did not open), so its Sends/buffer is unchecked"
                : null))
        .OfType<string>().ToList();

    /// <summary>
    /// What is wrong with one case's outcome: not measured, no delivery count, nothing delivered, or send counts the
    /// kernel contradicts; null when it is sound.
    /// </summary>
    public static string? ProblemOf(string name, bool measured, IReadOnlyDictionary<string, Metric>? metrics) =>
        !measured ? $"{name}: no measurements (the case failed; see its log above)"
        : metrics is null || !metrics.TryGetValue(DeliveryMetrics.DeliveredPercent.Id, out var delivered) ? $"{name}: no delivery count reached the host"
        : !(delivered.Value > 0) ? $"{name}: the receiver got no data"
        : metrics.TryGetValue(DeliveryMetrics.KernelSendDifference.Id, out var difference) && difference.Value != 0
            ? string.Create(CultureInfo.InvariantCulture, $"{name}: the kernel counted {difference.Value:+0;-0} send system calls more than the code did on the sending socket (the Sends/buffer figure is wrong)")
        : null;

    /// <summary>Checks the exported full JSON holds every case, each with measurements and a delivery figure.</summary>
    public static List<string> InspectJson(IEnumerable<string> files, int expectedCases)
    {
        var problems = new List<string>();
        int found = 0;
        foreach (string file in files.Where(file => file.EndsWith("-report-full.json", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            foreach (var benchmark in document.RootElement.GetProperty("Benchmarks").EnumerateArray())
            {
                found++;
                string name = benchmark.GetProperty("FullName").GetString() ?? "?";
                bool measured = benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object;
                bool delivered = benchmark.TryGetProperty("Metrics", out var metrics) && metrics.EnumerateArray().Any(IsPositiveDelivery);
                if (!measured || !delivered)
                {
                    problems.Add($"{Path.GetFileName(file)}: {name} has {(measured ? "no delivered data" : "no statistics")}");
                }
            }
        }

        if (found != expectedCases)
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"the JSON export holds {found} cases, the run had {expectedCases}"));
        }

        return problems;
    }

    /// <summary>Rows whose counted sends contradict their "Send path" label: a warning, since the figures are still measured ones.</summary>
    public static IEnumerable<string> SendPathMismatches(IEnumerable<Summary> summaries) =>
        from summary in summaries
        from benchmarkCase in summary.BenchmarksCases
        let identity = Config.CaseRecords.Of(benchmarkCase)
        let sends = Columns.FigureColumn.CountedSendsPerBuffer(summary[benchmarkCase]?.Metrics)
        where identity is not null && sends is not null
        let contradiction = identity.SendPathContradiction(sends.Value)
        where contradiction is not null
        select $"{identity.Label}: {contradiction}";

    /// <summary>Prints the problems and returns the process exit code: 0 when there are none.</summary>
    public static int Report(IReadOnlyList<string> problems, TextWriter error)
    {
        foreach (string problem in problems)
        {
            error.WriteLine($"error: {problem}");
        }

        return problems.Count == 0 ? 0 : 1;
    }

    private static bool IsPositiveDelivery(JsonElement metric) =>
        metric.GetProperty("Descriptor").GetProperty("Id").GetString() == DeliveryMetrics.DeliveredPercent.Id
        && metric.GetProperty("Value").GetDouble() > 0;
}
