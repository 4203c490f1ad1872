using System.Globalization;
using System.Text;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>
/// The report's "Loopback limits" section (index.html renders it from report.md): what was measured (or why not),
/// how the ratio columns are computed, the tool runs, and the target check per transport; and every send row against
/// its limits: delivered Gbit/s ÷ iperf3's at the same bytes per send call (and TCP_NODELAY), and ÷ the OS reference
/// row of the same batch shape (GatherSend on TCP, SendMmsg on UDP). A TLS row is held against plain TCP: no tool
/// measures TLS over loopback, and a TLS stream cannot beat the TCP stream under it, so iperf3 -N and the raw
/// GatherSend row of the same shape are its ceiling. Issue 6's target: the best TCP batched row at least 0.9× iperf3
/// with the same bytes per send call, judged on the figures as measured; UDP has no target and gets its figure stated.
/// </summary>
public static class LimitsSection
{
    public static string ColumnsExplained =>
        "`÷ iperf3` = the row's delivered Gbit/s ÷ iperf3's receiver Gbit/s at the same bytes per send call (BufferSize for the per-buffer methods, "
        + "BufferSize × BufferCount for FlushBatched and GatherSend on TCP, one datagram on UDP) and, on TCP, the same TCP_NODELAY (iperf3 -N). "
        + $"`÷ shape limit` = the row's Gbit/s ÷ the OS reference row of the same batch shape (GatherSend on TCP, SendMmsg on UDP), which is labelled \"{ShapeLimitLabel}\".";

    public static void Append(StringBuilder text, ResultSet results)
    {
        text.AppendLine("## Loopback limits").AppendLine();
        var limits = results.Limits;
        if (limits is null || limits.NotMeasured is not null)
        {
            MarkdownReport.AppendParagraphs(text, [limits is null
                ? $"No loopback limit was measured with this run (no {Loading.LimitsReader.FileName} beside the results): the `÷ iperf3` column is empty. Runs of the benchmark program measure it when iperf3 is installed (scripts/install-limit-tools.sh)."
                : $"No loopback limit was measured with this run: {limits.NotMeasured}.", ColumnsExplained]);
            return;
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Measured on the same machine in the same session, right after the benchmarks: {limits.Runs.Count} tool runs (iperf3 -t {limits.SecondsPerRun}{(limits.Runs.Any(run => run.Tool == "sockperf") ? ", sockperf -t 1" : "")}), {limits.SecondsTaken:0.0} s in all. {ToolsLine(limits)} iperf3 gives the receiver's rate (and UDP loss); sockperf's throughput mode gives what its client sent, since it does not count what arrived.")).AppendLine();
        MarkdownReport.AppendParagraphs(text, [.. limits.Tools.Where(tool => tool.Reason is not null).Select(tool => $"Not measured with {tool.Name}: {tool.Reason}."), ColumnsExplained]);
        if (limits.Runs.Count > 0)
        {
            MarkdownReport.AppendTable(text, ["Tool", "Transport", "Bytes per send call", "NoDelay", "Gbit/s", "datagrams/s", "Loss", "Command, or why it failed"],
                limits.Runs.Select(RunCells), [false, false, true, false, true, true, true, false]);
        }

        // A sentence for each transport the run measured: a UDP-only run has no TCP target to judge.
        MarkdownReport.AppendParagraphs(text, new[] { "TCP", "UDP" }.Where(transport => results.Sends.Any(row => row.Transport == transport)).Select(transport => Sentence(results, transport)));

        var best = BestPerShape(results, "TCP");
        if (best.Count > 0)
        {
            MarkdownReport.AppendTable(text, ["Batch shape", "NoDelay", "Best batched row", "Bytes per send call", "Gbit/s", "iperf3 Gbit/s", "÷ iperf3", "target 0.9×"],
                best.Select(Cells), [false, false, false, true, true, true, true, false]);
        }
    }

    private static string ToolsLine(LoopbackLimits limits) =>
        "Tools: " + string.Join(", ", limits.Tools.Where(tool => tool.Version is not null).Select(tool => $"{tool.Name} {tool.Version}")) + ".";

    private static IReadOnlyList<string> RunCells(LimitRun run) =>
    [
        $"{run.Tool} {run.ToolVersion}",
        run.Transport,
        Units.Number(run.BytesPerSendCall, "#,0"),
        run.NoDelay?.ToString() ?? "–",
        run.GigabitsPerSecond is double gigabits ? Units.Number(gigabits, "0.000") : "failed",
        run.DatagramsPerSecond is double datagrams ? Units.Number(datagrams, "#,0") + (run.RateSide == "sent" ? " sent" : "") : "–",
        run.LossPercent is double loss ? Units.Number(loss, "0.##") + " %" : "–",
        run.Reason is null ? $"`{run.Command}`" : $"`{run.Command}`: {run.Reason}",
    ];

    public const string ShapeLimitLabel = "limit for this batch shape";

    public static LimitRun? Iperf3Run(BenchmarkResult row, LoopbackLimits? limits) =>
        limits is not null && row.Case.BytesPerSendCall > 0
            ? limits.Iperf3For(LimitTransportOf(row) == CaseTransport.Udp ? TransportLabels.Udp : TransportLabels.Tcp, row.Case.BytesPerSendCall, row.Case.NoDelay)
            : null;

    public static double? ToIperf3(BenchmarkResult row, LoopbackLimits? limits) =>
        Iperf3Run(row, limits) is { GigabitsPerSecond: > 0 } run && row.DeliveredGigabitsPerSecond is double gigabits
            ? gigabits / run.GigabitsPerSecond.Value
            : null;

    /// <summary>The OS reference row with the same batch shape (and TCP_NODELAY) as <paramref name="row"/>.</summary>
    public static BenchmarkResult? ShapeReference(BenchmarkResult row, ResultSet results) =>
        results.Sends.FirstOrDefault(other => other.Case.IsShapeLimit && other.Case.Transport == LimitTransportOf(row)
            && other.BufferSize == row.BufferSize && other.BufferCount == row.BufferCount && other.Case.NoDelay == row.Case.NoDelay);

    public static string Iperf3Cell(BenchmarkResult row, LoopbackLimits? limits) =>
        ToIperf3(row, limits) is double ratio ? Format(ratio)
        : Iperf3Run(row, limits) is { } run ? (run.BytesPerSendCall > Iperf3Limits.MaxBytesPerCall ? "none > 1 MiB" : "failed")
        : "–";

    public static string ShapeLimitCell(BenchmarkResult row, ResultSet results) =>
        row.Case.IsShapeLimit ? ShapeLimitLabel
        : ShapeReference(row, results)?.DeliveredGigabitsPerSecond is > 0 and double limit && row.DeliveredGigabitsPerSecond is double gigabits ? Format(gigabits / limit)
        : "–";

    /// <summary>Two decimals, three below 0.1 so a small share does not print as 0.00×.</summary>
    public static string Format(double ratio) => ratio.ToString(ratio < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + "×";

    /// <summary>The transport whose limits a row is held against: its own, or plain TCP for a TLS row.</summary>
    private static CaseTransport LimitTransportOf(BenchmarkResult row) => row.Case.Transport == CaseTransport.Tls ? CaseTransport.Tcp : row.Case.Transport;

    public const double Target = 0.9;

    /// <summary>A batched row (BufferCount above 1) with its iperf3 comparison.</summary>
    public sealed record Judged(BenchmarkResult Row, double Gigabits, double Iperf3Gigabits, double Ratio, long BytesPerSendCall);

    public static IReadOnlyList<Judged> Batched(ResultSet results, string transport) =>
        BatchedRows(results, transport)
            .Select(row => ToIperf3(row, results.Limits) is double ratio
                ? new Judged(row, row.DeliveredGigabitsPerSecond!.Value, Iperf3Run(row, results.Limits)!.GigabitsPerSecond!.Value, ratio, row.Case.BytesPerSendCall)
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
        var unjudged = BatchedRows(results, transport).Where(row => ToIperf3(row, results.Limits) is null)
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
