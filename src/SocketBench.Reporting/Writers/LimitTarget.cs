using System.Globalization;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>
/// Issue 6's target: the best TCP batched row at least 0.9× iperf3 with the same bytes per send call.
/// Judged on the figures as measured; UDP has no target and gets its figure stated.
/// </summary>
public static class LimitTarget
{
    public const double Target = 0.9;

    /// <summary>A batched row (BufferCount above 1) with its iperf3 comparison.</summary>
    public sealed record Judged(BenchmarkResult Row, double Gigabits, double Iperf3Gigabits, double Ratio, long BytesPerSendCall);

    public static IReadOnlyList<Judged> Batched(ResultSet results, string transport) =>
        BatchedRows(results, transport)
            .Select(row => LimitRatios.ToIperf3(row, results.Limits) is double ratio
                ? new Judged(row, row.DeliveredGigabitsPerSecond!.Value, LimitRatios.Iperf3Run(row, results.Limits)!.GigabitsPerSecond!.Value, ratio, row.Case.BytesPerSendCall)
                : null)
            .OfType<Judged>()
            .ToList();

    // A batch of one buffer is one plain send whatever the method: only BufferCount > 1 is batching. Rows of a
    // backend that hides its system calls cannot be said to batch, so they are not judged against the tool. The
    // target is the suite's own (FlushBatched, GatherSend): .NET API rows keep their ÷ iperf3 figures but do not
    // enter it, so adding them did not move what the target measures.
    private static IEnumerable<BenchmarkResult> BatchedRows(ResultSet results, string transport) =>
        results.Sends.Where(row => row.Transport == transport && row.BufferCount > 1 && row.Case.Pattern == SendPattern.Batched && row.Case.Kind != CaseKind.DotNetApi);

    /// <summary>The best batched row of each batch shape (and TCP_NODELAY), in shape order.</summary>
    public static IReadOnlyList<Judged> BestPerShape(ResultSet results, string transport) =>
        Batched(results, transport)
            .GroupBy(judged => (judged.Row.BufferSize, judged.Row.BufferCount, NoDelay: judged.Row.Case.NoDelay))
            .OrderBy(group => group.Key.BufferSize).ThenBy(group => group.Key.BufferCount).ThenByDescending(group => group.Key.NoDelay)
            .Select(group => group.MaxBy(judged => judged.Ratio)!)
            .ToList();

    public static string Sentence(ResultSet results, string transport)
    {
        var batched = Batched(results, transport);
        if (batched.Count == 0)
        {
            return transport == "TCP"
                ? $"TCP target ({Target}× iperf3 at the same bytes per send call for the best batched row): not judged, no TCP batched row has a measured iperf3 figure at its bytes per send call."
                : "UDP: no batched row has a measured iperf3 figure at its datagram size.";
        }

        var best = batched.MaxBy(judged => judged.Ratio)!;
        string figure = Describe(best);
        if (transport != "TCP")
        {
            return $"UDP has no target; its best batched row against iperf3 UDP at the same datagram size: {figure}.";
        }

        string verdict = best.Ratio >= Target ? "met" : "not met";
        string flush = batched.Where(judged => judged.Row.Case.Kind == CaseKind.Strategy).MaxBy(judged => judged.Ratio) is { } strategy && strategy != best
            ? $" The best FlushBatched row (the guide's batched strategy): {Describe(strategy)}."
            : "";
        var perShape = BestPerShape(results, transport);
        var unjudged = BatchedRows(results, transport).Where(row => LimitRatios.ToIperf3(row, results.Limits) is null)
            .Select(row => row.ShapeLabel).Distinct().Where(shape => perShape.All(judged => judged.Row.ShapeLabel != shape)).ToList();
        string notJudged = unjudged.Count > 0 ? $" Not judged (no iperf3 figure at their bytes per send call): {string.Join(", ", unjudged)}." : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"TCP target {Target}× (best batched row, FlushBatched or GatherSend with BufferCount above 1, against iperf3 with the same bytes per send call): **{verdict}**. Best: {figure}.{flush} Shapes whose best batched row reaches {Target}×: {perShape.Count(judged => judged.Ratio >= Target)} of {perShape.Count}.{notJudged}");
    }

    public static IReadOnlyList<string> Cells(Judged judged) =>
    [
        judged.Row.ShapeLabel,
        judged.Row.Case.NoDelay?.ToString() ?? "–",
        judged.Row.Method,
        Units.Number(judged.BytesPerSendCall, "#,0"),
        Units.Number(judged.Gigabits, "0.000"),
        Units.Number(judged.Iperf3Gigabits, "0.000"),
        Precise(judged.Ratio),
        judged.Ratio >= Target ? "met" : "not met",
    ];

    private static string Describe(Judged judged) => string.Create(CultureInfo.InvariantCulture,
        $"{judged.Row.Method} {judged.Row.ShapeLabel}{NoDelayText(judged.Row)}, {judged.BytesPerSendCall:#,0} B {(judged.Row.Transport == "TCP" ? "per send call" : "datagrams")}, {judged.Gigabits:0.000} Gbit/s against iperf3's {judged.Iperf3Gigabits:0.000} Gbit/s = {Precise(judged.Ratio)}");

    // Three decimals where a verdict is read beside the ratio: 0.896 must not print as 0.90× next to "not met".
    private static string Precise(double ratio) => ratio.ToString("0.000", CultureInfo.InvariantCulture) + "×";

    private static string NoDelayText(BenchmarkResult row) => row.Case.NoDelay is bool noDelay ? $" (NoDelay {noDelay})" : "";
}
