using SocketBench.Core.Cases;
using SocketBench.Reporting.Loading;

namespace SocketBench.Reporting.Tests;

public sealed class ReportTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Report_renders_real_charts_as_valid_png_and_svg_with_markdown_and_html()
    {
        string output = TestFiles.TempFolder();
        // Rows of one receiver setting are not comparable with another's: every chart names the one its run record gives.
        string receiver = RunRecord.ReadFrom(TestFiles.Samples)!.Settings.Receiver;

        var run = CliRun.Of("report", TestFiles.Samples, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(Path.GetFullPath(output), run.Output.Replace("\n", ""), StringComparison.Ordinal);
        var pngs = Directory.GetFiles(Path.Combine(output, "charts"), "*.png");
        Assert.Contains(pngs, file => Path.GetFileName(file).StartsWith("time-per-buffer-tcp-", StringComparison.Ordinal));
        Assert.Contains(pngs, file => Path.GetFileName(file) == "speedup-udp-64.png");
        Assert.Contains(pngs, file => Path.GetFileName(file) == "throughput-tcp.png");
        Assert.Contains(pngs, file => Path.GetFileName(file) == "sends-per-buffer-udp.png");
        Assert.Contains(pngs, file => Path.GetFileName(file) == "delivered-udp.png");
        Assert.DoesNotContain(pngs, file => Path.GetFileName(file).StartsWith("latency", StringComparison.Ordinal));
        foreach (string png in pngs)
        {
            byte[] bytes = File.ReadAllBytes(png);
            Assert.Equal(PngSignature, bytes[..8]);
            // IHDR: width and height, big-endian, right after the signature and chunk header.
            int width = (bytes[16] << 24) | (bytes[17] << 16) | (bytes[18] << 8) | bytes[19];
            int height = (bytes[20] << 24) | (bytes[21] << 16) | (bytes[22] << 8) | bytes[23];
            Assert.Equal(1000, width);
            Assert.Equal(560, height);
            string svg = File.ReadAllText(Path.ChangeExtension(png, ".svg"));
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.EndsWith("</svg>", svg.TrimEnd(), StringComparison.Ordinal);
            Assert.Contains($"receiver {receiver}", svg, StringComparison.Ordinal);
        }

        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("![TCP: time per 64 B buffer by strategy](charts/time-per-buffer-tcp-64.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("| FlushBatched |", markdown, StringComparison.Ordinal);
        string html = IndexHtml.AssertShowsReport(output);
        Assert.Contains(IndexHtml.HtmlTables(html), table => table[0].SequenceEqual(["Group", "Method", "Backend", "Send path", "BufferSize", "BufferCount", "Time/buffer", "99.9 % CI", "Gbit/s", "buffers/s", "Sends/buffer", "Delivered", "÷ iperf3", "÷ shape limit"])
            && table.Any(row => row[1] == "FlushBatched"));
    }

    [Fact]
    public void A_case_is_what_its_run_record_says_whatever_its_class_is_called()
    {
        // Send rows moved to a class named Zebra and declared as echo round trips in the record: the report
        // must follow the record (latency chart, other-benchmarks table), not the class or method name.
        string folder = TestFiles.TempFolder();
        string source = Directory.GetFiles(TestFiles.Samples, "*Tcp*-report-full.json")[0];
        File.WriteAllText(Path.Combine(folder, "Zebra-report-full.json"), File.ReadAllText(source)
            .Replace("SocketBench.Benchmarks.Sending.TcpSendBenchmarks", "Zoo.Zebra", StringComparison.Ordinal)
            .Replace("TcpSendBenchmarks", "Zebra", StringComparison.Ordinal));
        var samples = RunRecord.ReadFrom(TestFiles.Samples)!;
        var echoes = samples.Cases.Where(identity => identity.Transport == CaseTransport.Tcp)
            .Select(identity => identity with { Id = identity.Id.Replace("SocketBench.Benchmarks.Sending.TcpSendBenchmarks", "Zoo.Zebra", StringComparison.Ordinal), Kind = CaseKind.RoundTrip, Variant = "TcpLength" })
            .ToList();
        new RunRecord(samples.Settings, echoes.Skip(1).ToList()).Write(folder);
        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", folder, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "charts", "latency-echo.png")));
        Assert.Contains("Other benchmarks", File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);
        Assert.Contains("<blockquote>", IndexHtml.AssertShowsReport(output), StringComparison.Ordinal);
        var loaded = ResultLoader.Load(folder);
        Assert.Equal(echoes.Count - 1, loaded.Benchmarks.Count);
        Assert.All(loaded.Benchmarks, result => Assert.True(result.IsEcho));
        Assert.All(loaded.Benchmarks, result => Assert.Equal("Echo TcpLength", result.Transport));
        // The one case the record leaves out is named, not guessed.
        Assert.Contains(loaded.Warnings, warning => warning.Contains("1 case(s) not in its socketbench-run.json", StringComparison.Ordinal) && warning.Contains(echoes[0].Id, StringComparison.Ordinal));
    }

    [Fact]
    public void Exports_without_a_run_record_are_refused_in_one_line()
    {
        string folder = TestFiles.TempFolder();
        string source = Directory.GetFiles(TestFiles.Samples, "*Tcp*-report-full.json")[0];
        File.Copy(source, Path.Combine(folder, Path.GetFileName(source)));

        var run = CliRun.Of("report", folder, "--out", TestFiles.TempFolder());

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no socketbench-run.json beside it", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Trim().Split('\n'));
    }
}
