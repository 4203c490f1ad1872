using SocketBench.Reporting.Loading;

namespace SocketBench.Reporting.Tests;

public sealed class ReportTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void Report_renders_real_charts_as_valid_png_and_svg_with_markdown_and_html()
    {
        string output = TestFiles.TempFolder();

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
        }

        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("![TCP: time per 64 B buffer by strategy](charts/time-per-buffer-tcp-64.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("| FlushBatched |", markdown, StringComparison.Ordinal);
        string html = File.ReadAllText(Path.Combine(output, "index.html"));
        Assert.Contains("<svg", html, StringComparison.Ordinal);
        Assert.DoesNotContain("src=\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Echo_results_add_the_latency_chart_and_unknown_types_still_load()
    {
        string folder = TestFiles.TempFolder();
        string source = Directory.GetFiles(TestFiles.Samples, "*Tcp*-report-full.json")[0];
        string text = File.ReadAllText(source)
            .Replace("SocketBench.Benchmarks.Sending.TcpSendBenchmarks", "SocketBench.Benchmarks.Echo.TcpEchoBenchmarks", StringComparison.Ordinal)
            .Replace("\"Type\": \"TcpSendBenchmarks\"", "\"Type\": \"TcpEchoBenchmarks\"", StringComparison.Ordinal)
            .Replace("\"Type\":\"TcpSendBenchmarks\"", "\"Type\":\"TcpEchoBenchmarks\"", StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(folder, "Echo-report-full.json"), text);
        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", folder, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.True(File.Exists(Path.Combine(output, "charts", "latency-echo.png")));
        Assert.Contains("Other benchmarks", File.ReadAllText(Path.Combine(output, "report.md")), StringComparison.Ordinal);
        Assert.All(ResultLoader.Load(folder).Benchmarks, result => Assert.True(result.IsEcho));
    }
}
