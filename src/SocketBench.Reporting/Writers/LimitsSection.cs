using System.Globalization;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>
/// The report's "Loopback limits" section (index.html renders it from report.md): what was measured (or why not),
/// how the ratio columns are computed, and the target check per transport.
/// </summary>
public sealed record LimitsSection(
    IReadOnlyList<string> Intro,
    IReadOnlyList<IReadOnlyList<string>> Runs,
    IReadOnlyList<string> Targets,
    IReadOnlyList<IReadOnlyList<string>> BestPerShape)
{
    public const string Title = "Loopback limits";
    public const string NotMeasuredSentence = "No loopback limit was measured with this run";

    public static IReadOnlyList<string> RunHeader { get; } = ["Tool", "Transport", "Bytes per send call", "NoDelay", "Gbit/s", "datagrams/s", "Loss", "Command, or why it failed"];

    public static IReadOnlyList<string> BestHeader { get; } = ["Batch shape", "NoDelay", "Best batched row", "Bytes per send call", "Gbit/s", "iperf3 Gbit/s", "÷ iperf3", "target 0.9×"];

    public static string ColumnsExplained =>
        "`÷ iperf3` = the row's delivered Gbit/s ÷ iperf3's receiver Gbit/s at the same bytes per send call (BufferSize for the per-buffer methods, "
        + "BufferSize × BufferCount for FlushBatched and GatherSend on TCP, one datagram on UDP) and, on TCP, the same TCP_NODELAY (iperf3 -N). "
        + $"`÷ shape limit` = the row's Gbit/s ÷ the OS reference row of the same batch shape (GatherSend on TCP, SendMmsg on UDP), which is labelled \"{LimitRatios.ShapeLimitLabel}\".";

    public static LimitsSection Build(ResultSet results)
    {
        var limits = results.Limits;
        if (limits is null)
        {
            return new([$"{NotMeasuredSentence} (no {Loading.LimitsReader.FileName} beside the results): the `÷ iperf3` column is empty. Runs of the benchmark program measure it when iperf3 is installed (scripts/install-limit-tools.sh).", ColumnsExplained], [], [], []);
        }

        if (limits.NotMeasured is not null)
        {
            return new([$"{NotMeasuredSentence}: {limits.NotMeasured}.", ColumnsExplained], [], [], []);
        }

        var intro = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"Measured on the same machine in the same session, right after the benchmarks: {limits.Runs.Count} tool runs (iperf3 -t {limits.SecondsPerRun}{(limits.Runs.Any(run => run.Tool == "sockperf") ? ", sockperf -t 1" : "")}), {limits.SecondsTaken:0.0} s in all. {ToolsLine(limits)} iperf3 gives the receiver's rate (and UDP loss); sockperf's throughput mode gives what its client sent, since it does not count what arrived."),
        };
        intro.AddRange(limits.Tools.Where(tool => tool.Reason is not null).Select(tool => $"Not measured with {tool.Name}: {tool.Reason}."));
        intro.Add(ColumnsExplained);
        var best = LimitTarget.BestPerShape(results, "TCP");
        // A sentence for each transport the run measured: a UDP-only run has no TCP target to judge.
        var targets = new[] { "TCP", "UDP" }.Where(transport => results.Sends.Any(row => row.Transport == transport)).Select(transport => LimitTarget.Sentence(results, transport)).ToList();
        return new(intro, limits.Runs.Select(RunCells).ToList(), targets, best.Select(LimitTarget.Cells).ToList());
    }

    private static string ToolsLine(LoopbackLimits limits) =>
        "Tools: " + string.Join(", ", limits.Tools.Where(tool => tool.Version is not null).Select(tool => $"{tool.Name} {tool.Version}")) + ".";

    private static IReadOnlyList<string> RunCells(LimitRun run) =>
    [
        $"{run.Tool} {run.ToolVersion}",
        run.Transport,
        Units.Number(run.BytesPerSendCall, "#,0"),
        run.NoDelay is bool noDelay ? (noDelay ? "True" : "False") : "–",
        run.GigabitsPerSecond is double gigabits ? Units.Number(gigabits, "0.000") : "failed",
        run.DatagramsPerSecond is double datagrams ? Units.Number(datagrams, "#,0") + (run.RateSide == "sent" ? " sent" : "") : "–",
        run.LossPercent is double loss ? Units.Number(loss, "0.##") + " %" : "–",
        run.Reason is null ? $"`{run.Command}`" : $"`{run.Command}`: {run.Reason}",
    ];
}
