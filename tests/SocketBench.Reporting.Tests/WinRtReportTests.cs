using System.Text.Json.Nodes;

namespace SocketBench.Reporting.Tests;

/// <summary>
/// WinRT rows beside portable ones in the report and in compare. The WinRT rows are test data (SamplesWinRt/README.md):
/// real case records of the WinRT classes over relabelled portable measurements, since no WinRT row has run yet.
/// </summary>
public sealed class WinRtReportTests
{
    private static string WinRtSamples => Path.Combine(AppContext.BaseDirectory, "SamplesWinRt");

    [Fact]
    public void WinRT_rows_sit_in_the_same_tables_as_the_portable_rows_with_their_backend_and_what_they_count()
    {
        string folder = TestFiles.CopyExports(TestFiles.TempFolder(), "*", TestFiles.Samples, WinRtSamples);
        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", folder, "--out", output);

        Assert.Equal(0, run.ExitCode);
        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.DoesNotContain("(WinRT)\n", markdown, StringComparison.Ordinal);
        string tcp = TestFiles.Section(markdown, "### TCP\n");
        Assert.Contains("| FlushBatched | Sockets | sendmsg per batch | 64 B | 64 |", tcp, StringComparison.Ordinal);
        string winRtFlush = tcp.Split('\n').Single(line => line.Contains("| FlushBatched | WinRT | WriteAsync per buffer, one FlushAsync per batch | 64 B | 64 |", StringComparison.Ordinal));
        // 64 writes and one flush per batch of 64, said to be stream calls; no iperf3 figure is matched to a WinRT row.
        Assert.Contains("| 1.016 stream calls | 100.00 % | – |", winRtFlush, StringComparison.Ordinal);
        string udp = TestFiles.Section(markdown, "### UDP\n");
        Assert.Contains("| FlushBatched | WinRT | WriteAsync per buffer, one FlushAsync per batch |", udp, StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", markdown, StringComparison.Ordinal);
        Assert.True(new FileInfo(Path.Combine(output, "charts", "speedup-tcp-64.png")).Length > 1000);
    }

    [Fact]
    public void Compare_judges_WinRT_rows_by_their_label_and_their_stream_call_counter()
    {
        string slower = TestFiles.Scaled(WinRtSamples, 1.25);
        string fewerCalls = TestFiles.CopyExports(TestFiles.TempFolder(), "none", WinRtSamples);
        string export = Directory.GetFiles(WinRtSamples, "*-report-full.json").Single();
        var root = JsonNode.Parse(File.ReadAllText(export))!;
        foreach (var metric in root["Benchmarks"]!.AsArray().SelectMany(benchmark => benchmark!["Metrics"]!.AsArray()))
        {
            if (metric!["Descriptor"]!["Id"]!.GetValue<string>() == "SendsPerBuffer")
            {
                metric["Value"] = 1.0;
            }
        }

        File.WriteAllText(Path.Combine(fewerCalls, Path.GetFileName(export)), root.ToJsonString());

        var timing = CliRun.Of("compare", WinRtSamples, slower);
        var counters = CliRun.Of("compare", WinRtSamples, fewerCalls);

        Assert.Equal(1, timing.ExitCode);
        Assert.Contains("TCP (WinRT) FlushBatched 64 B × 64: 1.25× slower", timing.Output, StringComparison.Ordinal);
        Assert.Equal(1, counters.ExitCode);
        Assert.Contains("TCP (WinRT) FlushBatched 64 B × 64: stream calls/buffer 1.016 → 1.000 (exact: any change fails)", counters.Output, StringComparison.Ordinal);
    }
}
