namespace SocketBench.Reporting.Tests;

// Runs real benchmarks: alone, so other tests' load cannot make the A/A runs differ.
[Collection(RealBenchmarkRuns.Name)]
public sealed class GateTests
{
    // 3 cases of the gate job that run SocketBench's code: a few seconds per run.
    private const string SmallFilter = "*UdpSendBenchmarks.FlushBatched*";

    [Fact]
    public void Two_real_gate_job_runs_of_the_same_build_agree_on_every_exact_counter()
    {
        string first = QuickJob.RunGateJob(SmallFilter);
        string second = QuickJob.RunGateJob(SmallFilter);

        var run = CliRun.Of("compare", first, second);

        // Sends, TLS records and the sender's allocations are counted, not timed: an A/A changes none of them.
        Assert.DoesNotContain("exact: any change fails", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("send path:", run.Output, StringComparison.Ordinal);
        Assert.Contains("3 matched:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_gate_job_runs_and_records_a_zero_call_counting_delay_when_started_without_it()
    {
        string results = QuickJob.RunGateJob(SmallFilter);

        // The record is written by the process that measured: the setting was in its environment from the start.
        var settings = Core.Cases.RunRecord.ReadFrom(results)!.Settings;
        Assert.Equal("0", settings.RuntimeKnobs["DOTNET_TC_CallCountingDelayMs"]);
    }

    [Fact]
    public void Code_slowed_by_1_25_while_the_raw_system_calls_are_not_trips_the_gate_and_lists_the_regressions()
    {
        var run = CliRun.Of("gate", "--baseline", TestFiles.Samples, "--results", TestFiles.Scaled(TestFiles.Samples, 1.25, exceptOsReferenceRows: true));

        Assert.Equal(1, run.ExitCode);
        Assert.Matches(@"Regression: \d+ slower row\(s\)", run.Output);
        Assert.Contains("UDP PerBufferAwait 1472 B × 256: 1.25× slower", run.Output, StringComparison.Ordinal);
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
        Assert.Contains("UDP PerBufferAwait 1472 B × 256: 1.25× slower", raw.Output, StringComparison.Ordinal);
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
