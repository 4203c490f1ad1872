using System.Globalization;
using System.Text;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>
/// The report's "Loopback limits" section (index.html renders it from report.md): what was measured (or why not),
/// how the ratio columns are computed, the tool runs, and the target check per transport.
/// </summary>
public static class LimitsSection
{
    public const string Title = "Loopback limits";
    public const string NotMeasuredSentence = "No loopback limit was measured with this run";

    public static string ColumnsExplained =>
        "`÷ iperf3` = the row's delivered Gbit/s ÷ iperf3's receiver Gbit/s at the same bytes per send call (BufferSize for the per-buffer methods, "
        + "BufferSize × BufferCount for FlushBatched and GatherSend on TCP, one datagram on UDP) and, on TCP, the same TCP_NODELAY (iperf3 -N). "
        + $"`÷ shape limit` = the row's Gbit/s ÷ the OS reference row of the same batch shape (GatherSend on TCP, SendMmsg on UDP), which is labelled \"{LimitRatios.ShapeLimitLabel}\".";

    public static void Append(StringBuilder text, ResultSet results)
    {
        text.AppendLine($"## {Title}").AppendLine();
        var limits = results.Limits;
        if (limits is null || limits.NotMeasured is not null)
        {
            text.AppendLine(limits is null
                ? $"{NotMeasuredSentence} (no {Loading.LimitsReader.FileName} beside the results): the `÷ iperf3` column is empty. Runs of the benchmark program measure it when iperf3 is installed (scripts/install-limit-tools.sh)."
                : $"{NotMeasuredSentence}: {limits.NotMeasured}.").AppendLine();
            text.AppendLine(ColumnsExplained).AppendLine();
            return;
        }

        text.AppendLine(string.Create(CultureInfo.InvariantCulture, $"Measured on the same machine in the same session, right after the benchmarks: {limits.Runs.Count} tool runs (iperf3 -t {limits.SecondsPerRun}{(limits.Runs.Any(run => run.Tool == "sockperf") ? ", sockperf -t 1" : "")}), {limits.SecondsTaken:0.0} s in all. {ToolsLine(limits)} iperf3 gives the receiver's rate (and UDP loss); sockperf's throughput mode gives what its client sent, since it does not count what arrived.")).AppendLine();
        foreach (var tool in limits.Tools.Where(tool => tool.Reason is not null))
        {
            text.AppendLine($"Not measured with {tool.Name}: {tool.Reason}.").AppendLine();
        }

        text.AppendLine(ColumnsExplained).AppendLine();
        if (limits.Runs.Count > 0)
        {
            MarkdownTable.Append(text, ["Tool", "Transport", "Bytes per send call", "NoDelay", "Gbit/s", "datagrams/s", "Loss", "Command, or why it failed"],
                limits.Runs.Select(RunCells), [false, false, true, false, true, true, true, false]);
        }

        // A sentence for each transport the run measured: a UDP-only run has no TCP target to judge.
        foreach (string transport in new[] { "TCP", "UDP" }.Where(transport => results.Sends.Any(row => row.Transport == transport)))
        {
            text.AppendLine(LimitTarget.Sentence(results, transport)).AppendLine();
        }

        var best = LimitTarget.BestPerShape(results, "TCP");
        if (best.Count > 0)
        {
            MarkdownTable.Append(text, ["Batch shape", "NoDelay", "Best batched row", "Bytes per send call", "Gbit/s", "iperf3 Gbit/s", "÷ iperf3", "target 0.9×"],
                best.Select(LimitTarget.Cells), [false, false, false, true, true, true, true, false]);
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
}
