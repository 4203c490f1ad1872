using System.Diagnostics;
using System.Globalization;
using BenchmarkDotNet.Reports;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// The step after BenchmarkDotNet in the same session: measures the loopback limit (iperf3, and sockperf
/// for UDP) for every bytes-per-call the cases that ran need, prints a line per run and writes
/// <c>loopback-limits.json</c>. Missing tools and failed runs are recorded with their reason, never guessed.
/// </summary>
public static class LoopbackLimitStep
{
    /// <summary>
    /// The step as the benchmark program runs it, for the cases that have measurements. The quick job keeps it
    /// short: iperf3 for 1 s a run and no sockperf (its cost: docs/reports.md); otherwise 2 s a run and sockperf
    /// beside iperf3 for UDP.
    /// </summary>
    public static LoopbackLimitsFile Run(BenchSwitches switches, IEnumerable<Summary> summaries, TextWriter log)
    {
        var ran = summaries.SelectMany(summary => summary.BenchmarksCases.Where(benchmarkCase => summary[benchmarkCase]?.ResultStatistics is not null));
        bool quick = switches.Job.Id == SocketBenchJobs.Quick.Id;
        log.WriteLine();
        if (switches.Peer is { } peer)
        {
            // The rows crossed a network to the peer: what loopback can do on this machine is not their limit.
            string reason = $"the rows were sent to the peer {peer}, and a loopback limit does not describe that path";
            log.WriteLine($"limit: nothing measured: {reason}");
            return NotMeasured(reason, quick ? 1 : 2);
        }

        return Run(LimitCase.For(ran), switches.MeasureLimits, quick ? 1 : 2, Environment.GetEnvironmentVariable("PATH"), log, withSockperf: !quick);
    }

    public static LoopbackLimitsFile Run(IReadOnlyList<LimitCase> cases, bool enabled, int secondsPerRun, string? pathVariable, TextWriter log, bool withSockperf = true)
    {
        var clock = Stopwatch.StartNew();
        var started = DateTime.UtcNow;
        if (!enabled)
        {
            return NotMeasured("the limit step was turned off (--limits off)", secondsPerRun);
        }

        var iperf3 = LimitTool.Find("iperf3", pathVariable);
        var sockperf = withSockperf ? LimitTool.Find("sockperf", pathVariable) : new LimitTool("sockperf", null, null, "sockperf is not run in the quick job (a sockperf run takes about 3 s); the default job runs it");
        var runs = Plan(cases, iperf3, sockperf, secondsPerRun);
        var measurements = new List<LimitRun>();
        foreach (var (measure, label, index) in runs.Select((run, index) => (run.Measure, run.Label, index)))
        {
            var measurement = measure();
            measurements.Add(measurement);
            log.WriteLine($"limit: {label}: {Describe(measurement)} ({index + 1}/{runs.Count})");
        }

        string? notMeasured = cases.Count == 0 ? "no TCP or UDP send case ran"
            : runs.Count == 0 ? string.Join("; ", new[] { iperf3, sockperf }.Select(tool => tool.Reason).OfType<string>())
            : null;
        var file = new LoopbackLimitsFile(LoopbackLimitsFile.FormatName, started, Math.Round(clock.Elapsed.TotalSeconds, 1), secondsPerRun, notMeasured, [iperf3, sockperf], measurements);
        log.WriteLine(notMeasured is null
            ? string.Create(CultureInfo.InvariantCulture, $"limit: {measurements.Count} runs in {file.SecondsTaken:0.0} s")
            : $"limit: nothing measured: {notMeasured}");
        foreach (var missing in file.Tools.Where(tool => !tool.Available && notMeasured is null))
        {
            log.WriteLine($"limit: {missing.Reason}");
        }

        return file;
    }

    private static LoopbackLimitsFile NotMeasured(string reason, int secondsPerRun) =>
        new(LoopbackLimitsFile.FormatName, DateTime.UtcNow, 0, secondsPerRun, reason, [], []);

    /// <summary>The runs in order: iperf3 TCP and UDP for each limit, sockperf beside iperf3 for UDP (for 1 s: it adds time of its own, docs/reports.md).</summary>
    private static List<(Func<LimitRun> Measure, string Label)> Plan(IReadOnlyList<LimitCase> cases, LimitTool iperf3, LimitTool sockperf, int seconds) =>
        cases.SelectMany(limit => new (bool Runs, Func<LimitRun> Measure, string Label)[]
        {
            (iperf3.Available, () => Iperf3Limit.Measure(iperf3, limit, seconds), $"iperf3 {limit.Label}"),
            (sockperf.Available && limit.Transport == Transport.Udp, () => SockperfLimit.Measure(sockperf, limit, 1), $"sockperf udp -m {limit.BytesPerSendCall}"),
        }).Where(run => run.Runs).Select(run => (run.Measure, run.Label)).ToList();

    private static string Describe(LimitRun measurement) => measurement.Status == LimitRun.Measured
        ? string.Create(CultureInfo.InvariantCulture, $"{measurement.GigabitsPerSecond:0.###} Gbit/s{Datagrams(measurement)}")
        : $"failed: {measurement.Reason}";

    private static string Datagrams(LimitRun measurement) => measurement.DatagramsPerSecond is double rate
        ? string.Create(CultureInfo.InvariantCulture, $", {rate:#,0} datagrams/s {measurement.RateSide}{(measurement.LossPercent is double loss ? $", loss {loss:0.##} %" : "")}")
        : "";
}
