using System.Globalization;
using System.Text.RegularExpressions;

namespace SocketBench.Reporting.Tests;

// Runs real benchmarks: alone, so other tests' load cannot make the A/A runs differ.
[Collection(RealBenchmarkRuns.Name)]
public sealed class GateTests
{
    // 12 cases of the real suite that run SocketBench's code (the gate's share rule counts only those),
    // about 20 s per run: enough for an A/A without slowing the test run much.
    private const string SmallFilter = "*UdpSendBenchmarks.FlushBatched*";

    [Fact]
    public void Two_real_quick_runs_of_the_same_build_do_not_trip_the_gate()
    {
        string first = QuickJob.Run(SmallFilter, "--limits", "off");
        string second = QuickJob.Run(SmallFilter, "--limits", "off");

        var run = CliRun.Of("gate", "--baseline", first, "--results", second);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var counts = Regex.Match(run.Output, @"12 matched: (\d+) slower, (\d+) faster, (\d+) same, (\d+) noisy");
        Assert.True(counts.Success, run.Output);
        // At least one row was judged (not all Noisy), so the gate had something it could have failed on.
        Assert.True(int.Parse(counts.Groups[4].Value, CultureInfo.InvariantCulture) < 12, run.Output);
    }

    [Fact]
    public void Code_slowed_by_1_25_while_the_raw_system_calls_are_not_trips_the_gate_and_lists_the_regressions()
    {
        var run = CliRun.Of("gate", "--baseline", TestFiles.Samples, "--results", TestFiles.Scaled(TestFiles.Samples, 1.25, exceptOsReferenceRows: true));

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"\d+ regression\(s\)", run.Output);
        Assert.Contains("UdpSendBenchmarks.PerBufferAwait(BufferSize: 1472, BufferCount: 256) 1.25×", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Adjusted for machine drift", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_machine_slowed_by_1_25_is_judged_against_its_own_speed_unless_told_not_to()
    {
        string slowerMachine = TestFiles.Scaled(TestFiles.Samples, 1.25);

        var adjusted = CliRun.Of("gate", "--baseline", TestFiles.Samples, "--results", slowerMachine);
        var raw = CliRun.Of("gate", "--baseline", TestFiles.Samples, "--results", slowerMachine, "--no-drift-adjustment");

        Assert.True(adjusted.ExitCode == 0, adjusted.Output + adjusted.Error);
        Assert.Contains("median ratio 1.25×", adjusted.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Contains("divided by 1.25", adjusted.Output.ReplaceLineEndings(" "), StringComparison.Ordinal);
        Assert.Equal(1, raw.ExitCode);
        Assert.Contains("UdpSendBenchmarks.PerBufferAwait(BufferSize: 1472, BufferCount: 256) 1.25×", raw.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Update_baseline_accepts_the_results()
    {
        string baseline = Path.Combine(TestFiles.TempFolder(), "linux-x64");

        var update = CliRun.Of("gate", "--baseline", baseline, "--results", TestFiles.Samples, "--update-baseline");
        var gate = CliRun.Of("gate", "--baseline", baseline, "--results", TestFiles.Samples);

        Assert.Equal(0, update.ExitCode);
        Assert.Equal(2, Directory.GetFiles(baseline, "*-report-full.json").Length);
        Assert.Equal(0, gate.ExitCode);
    }

    [Fact]
    public void A_missing_baseline_says_how_to_make_one()
    {
        string baseline = Path.Combine(TestFiles.TempFolder(), "none");

        var run = CliRun.Of("gate", "--baseline", baseline, "--results", TestFiles.Samples);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--update-baseline", run.Error, StringComparison.Ordinal);
    }
}
