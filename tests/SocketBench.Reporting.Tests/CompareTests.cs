using System.Text.RegularExpressions;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Statistics;

namespace SocketBench.Reporting.Tests;

public sealed class CompareTests
{
    [Fact]
    public void Same_results_compared_with_themselves_are_no_regression()
    {
        var run = CliRun.Of("compare", TestFiles.Samples, TestFiles.Samples);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 slower", run.Output, StringComparison.Ordinal);
        Assert.Contains("No regression.", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("OS reference rows", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_whole_machine_slowdown_is_named_as_such_because_the_os_reference_rows_slow_down_too()
    {
        var baseSet = ResultLoader.Load(TestFiles.Samples);
        var slower = ResultLoader.Load(TestFiles.Scaled(TestFiles.Samples, 1.25));
        var options = ComparisonOptions.Parse("5%", "200ns", "0.1", "25%");

        var raw = ResultComparer.Compare(baseSet, slower, options);
        var adjusted = ResultComparer.Compare(baseSet, slower, options with { AdjustForMachineDrift = true });

        // The OS reference rows' median ratio is the machine's drift: one warning carries its figure, and dividing it
        // out (what the gate does) leaves every row where it was.
        Assert.Single(raw.Warnings, warning => warning.Contains("1.25×", StringComparison.Ordinal));
        Assert.Contains(raw.Rows, row => row.Verdict == Verdict.Slower);
        Assert.All(adjusted.Rows, row => Assert.InRange(row.Ratio, 0.99, 1.01));
        Assert.DoesNotContain(adjusted.Rows, row => row.Verdict == Verdict.Slower);
        Assert.Equal(1, CliRun.Of("compare", TestFiles.Samples, TestFiles.Scaled(TestFiles.Samples, 1.25)).ExitCode);
    }

    [Fact]
    public void Measurements_scaled_by_1_25_exit_1_and_list_the_regressions()
    {
        string slower = TestFiles.Scaled(TestFiles.Samples, 1.25);
        string markdown = Path.Combine(TestFiles.TempFolder(), "compare.md");
        string chart = Path.Combine(TestFiles.TempFolder(), "ratios");

        var run = CliRun.Of("compare", TestFiles.Samples, slower, "--md", markdown, "--chart", chart);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("slower row(s)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"  \w+ \w+ [\d,]+ [KiB]+ × \d+: 1\.25× slower \(SocketBench\.Benchmarks\.Sending\.\w+SendBenchmarks\.\w+\(BufferSize: \d+, BufferCount: \d+", run.Output);
        Assert.DoesNotMatch(@"\d+ faster", run.Output.Replace("0 faster", "", StringComparison.Ordinal));
        Assert.Contains("### Regressions", File.ReadAllText(markdown), StringComparison.Ordinal);
        Assert.True(new FileInfo(chart + ".png").Length > 1000);
        Assert.True(File.Exists(chart + ".svg"));
    }

    [Fact]
    public void Compare_says_on_how_many_rows_the_two_sides_agree_before_any_verdict()
    {
        // Every strategy row 1.2× slower, the OS reference rows unchanged: only the reference rows are within ±10 %.
        int references = RunRecord.ReadFrom(TestFiles.Samples)!.Cases.Count(identity => identity.Kind == CaseKind.OsReference);

        var run = CliRun.Of("compare", TestFiles.Samples, TestFiles.Scaled(TestFiles.Samples, 1.2, exceptOsReferenceRows: true));

        int matched = int.Parse(Regex.Match(run.Output, @"(\d+) matched").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(references, 1, matched - 1);
        Assert.Contains($"Agreement: ratio within ±10 % on {references} of {matched} rows", run.Output, StringComparison.Ordinal);
        Assert.Contains($"within ±25 % on {matched} of {matched} rows (100 %)", run.Output, StringComparison.Ordinal);
        Assert.Matches(@"widest: \w+ \w+ [\d,]+ [KiB]+ × \d+, 1\.20× apart\.", run.Output);
    }

    [Fact]
    public void Measurements_scaled_by_0_8_are_faster_not_slower()
    {
        var run = CliRun.Of("compare", TestFiles.Samples, TestFiles.Scaled(TestFiles.Samples, 0.8));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("0 slower", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 faster", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Benchmarks_on_one_side_only_are_listed()
    {
        string one = TestFiles.CopyExports(TestFiles.TempFolder(), "*Tcp*", TestFiles.Samples);

        var run = CliRun.Of("compare", TestFiles.Samples, one);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Only in base (60)", run.Output, StringComparison.Ordinal);
        Assert.Contains("UdpSendBenchmarks.SendMmsg(BufferSize: 64, BufferCount: 16)", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Results_from_another_runtime_warn()
    {
        string other = TestFiles.CopyExports(TestFiles.TempFolder(), "none", TestFiles.Samples);
        foreach (string file in Directory.GetFiles(TestFiles.Samples, "*-report-full.json"))
        {
            File.WriteAllText(Path.Combine(other, Path.GetFileName(file)), File.ReadAllText(file).Replace(".NET 10.0.", ".NET 9.0.", StringComparison.Ordinal));
        }

        var run = CliRun.Of("compare", TestFiles.Samples, other);

        Assert.Contains("Different runtimes", run.Output, StringComparison.Ordinal);
    }
}
