using SocketBench.Reporting.Charts;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Writers;

namespace SocketBench.Reporting.Tests;

/// <summary>
/// The .NET API rows (a real quick run of the three DotNet classes, kernel send counts on) in the report beside the guide's
/// strategies and the OS reference rows of the same shape, and in compare.
/// </summary>
public sealed class DotNetReportTests
{
    private static string DotNetSamples => Path.Combine(AppContext.BaseDirectory, "SamplesDotNet");

    [Fact]
    public void Within_a_shape_the_dotnet_rows_sit_between_the_guide_strategies_and_the_OS_reference_rows()
    {
        string markdown = TestFiles.ReportOf(TestFiles.Samples, DotNetSamples);

        var tcp = Rows(TestFiles.Section(markdown, "### TCP\n"), "| 64 B | 64 |");
        Assert.Equal(
            ["guide strategy", "guide strategy", "guide strategy", ".NET API", ".NET API", ".NET API", ".NET API", ".NET API", "OS reference", "OS reference"],
            tcp.Select(row => row[0]));
        var pipe = tcp.Single(row => row[1] == "PipeWriterFlush");
        Assert.Equal(["Sockets", "send per 4 KiB pipe segment", "64 B", "64"], pipe[2..6]);
        // Its sends happen inside .NET: the kernel counted them, one per 4 KiB pipe segment (here the whole 4 KiB batch).
        Assert.Equal("0.016 (kernel)", pipe[10]);
        Assert.Equal("100.00 %", pipe[11]);
        // The pipeline's ratio to the raw gather send of the same shape, which issue 12 asks for.
        Assert.EndsWith("×", pipe[13], StringComparison.Ordinal);
        Assert.Equal("sendmsg per batch", tcp.Single(row => row[1] == "SocketSendAsyncList")[3]);

        var tls = Rows(TestFiles.Section(markdown, "### TLS 1.3 over TCP\n"), "| 1 KiB | 64 |");
        Assert.Equal(["SslStreamWriteAsync", "PipeWriterFlush", "BufferedStreamFlush"], tls.Where(row => row[0] == ".NET API").Select(row => row[1]));
        Assert.Contains(Rows(TestFiles.Section(markdown, "### UDP\n"), "| 64 B | 64 |"), row => row[0] == ".NET API" && row[1] == "SocketSendAsync" && row[3] == "send per datagram");
        // The Group column is explained above the send tables.
        Assert.Contains(ResultTable.GroupNote, markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("MISMATCH", markdown, StringComparison.Ordinal);
        // The sends-per-buffer chart draws the .NET API rows from the kernel's count, since the code cannot count their sends.
        var sendsChart = ReportCharts.SendsPerBuffer(ResultLoader.Load(TestFiles.Samples, DotNetSamples)).Single(chart => chart.FileStem == "sends-per-buffer-tcp");
        Assert.Contains(sendsChart.Plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>(), line => line.LegendText == "PipeWriterFlush");
    }

    [Fact]
    public void Compare_judges_dotnet_rows_on_time_delivery_and_the_kernels_send_count()
    {
        var run = CliRun.Of("compare", DotNetSamples, TestFiles.Scaled(DotNetSamples, 1.25));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("18 matched", run.Output, StringComparison.Ordinal);
        // Quick-job rows are often too noisy to judge on time; the steadier ones are, and fail.
        Assert.Contains("PipeWriterFlush 1 KiB × 64: 1.25× slower", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 failing counter(s)", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("sends/buffer", run.Output, StringComparison.Ordinal);
    }

    /// <summary>The cells of a section's table rows that contain <paramref name="shape"/>, e.g. "| 64 B | 64 |".</summary>
    private static List<string[]> Rows(string section, string shape) =>
        section.Split('\n')
            .Where(line => line.Contains(shape, StringComparison.Ordinal))
            .Select(line => line.Trim('|').Split(" | ").Select(cell => cell.Trim()).ToArray())
            .ToList();

    [Fact]
    public void Folders_loaded_together_warn_only_when_their_run_settings_differ_and_name_the_setting()
    {
        var sameSettings = ResultLoader.Load(TestFiles.Samples, Path.Combine(AppContext.BaseDirectory, "SamplesTls"));
        Assert.DoesNotContain(sameSettings.Warnings, warning => warning.Contains("different settings", StringComparison.Ordinal));

        var otherReceiver = ResultLoader.Load(TestFiles.Samples, DotNetSamples);
        Assert.Contains(otherReceiver.Warnings, warning => warning.Contains("different settings (receiver 'block' in base, 'spin' in new)", StringComparison.Ordinal));
    }
}
