namespace SocketBench.Reporting.Tests;

public sealed class BadInputTests
{
    public static TheoryData<string, string> BadFiles => new()
    {
        { "truncated", "{\"Title\":\"x\",\"HostEnvironmentInfo\":{},\"Benchmarks\":[{\"FullName\":" },
        { "corrupt", "this is not json" },
        { "other-tool", "{\"name\":\"eslint\",\"results\":[]}" },
        { "brief", "{\"Title\":\"x\",\"HostEnvironmentInfo\":{},\"Benchmarks\":[{\"FullName\":\"A.B\",\"Statistics\":{}}]}" },
        { "array", "[1, 2]" },
        { "wrong-type", "{\"HostEnvironmentInfo\":{},\"Benchmarks\":[{\"FullName\":5}]}" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public void Bad_json_is_one_line_naming_the_file_and_exit_2(string name, string content)
    {
        // Beside a run record, so the export itself is what gets refused.
        string file = Path.Combine(TestFiles.CopyExports(TestFiles.TempFolder(), "none", TestFiles.Samples), name + "-report-full.json");
        File.WriteAllText(file, content);

        foreach (var run in new[] { CliRun.Of("report", file, "--out", TestFiles.TempFolder()), CliRun.Of("compare", file, TestFiles.Samples) })
        {
            AssertOneLineError(run, file);
            Assert.DoesNotContain("no socketbench-run.json beside it", run.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("ExportReader", run.Error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Missing_path_is_exit_2()
    {
        string missing = Path.Combine(TestFiles.TempFolder(), "nowhere");
        AssertOneLineError(CliRun.Of("report", missing), missing);
        AssertOneLineError(CliRun.Of("compare", TestFiles.Samples, missing), missing);
    }

    [Fact]
    public void Empty_folder_is_exit_2()
    {
        string empty = TestFiles.TempFolder();
        AssertOneLineError(CliRun.Of("report", empty), empty);
    }

    [Fact]
    public void Result_sets_with_nothing_in_common_are_exit_2()
    {
        string tcp = TestFiles.CopyExports(TestFiles.TempFolder(), "*Tcp*", TestFiles.Samples);
        string udp = TestFiles.CopyExports(TestFiles.TempFolder(), "*Udp*", TestFiles.Samples);

        var run = CliRun.Of("compare", tcp, udp);

        // Both sides are named, each with its count and an example benchmark.
        AssertOneLineError(run, tcp);
        Assert.Contains(udp, run.Error, StringComparison.Ordinal);
        Assert.Contains("SocketBench.Benchmarks.Sending.TcpSendBenchmarks.", run.Error, StringComparison.Ordinal);
        Assert.Contains("SocketBench.Benchmarks.Sending.UdpSendBenchmarks.", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--threshold", "7x", "5%")]
    [InlineData("--noise", "fast", "200ns")]
    [InlineData("--alpha", "often", "0.05")]
    [InlineData("--max-spread", "wide", "25%")]
    public void Bad_options_quote_the_value_and_show_an_example(string option, string value, string example)
    {
        var run = CliRun.Of("compare", TestFiles.Samples, TestFiles.Samples, option, value);

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains($"'{value}'", run.Error, StringComparison.Ordinal);
        Assert.Contains(example, run.Error, StringComparison.Ordinal);
    }

    private static void AssertOneLineError(CliRun run, string path)
    {
        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.StartsWith("error: '", run.Error, StringComparison.Ordinal);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
    }
}
