using System.Globalization;
using System.Text.Json.Nodes;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Writers;

namespace SocketBench.Reporting.Tests;

/// <summary>The loopback limits in the report: the section, the ÷ iperf3 and ÷ shape limit columns, the target sentence, and runs without limits.</summary>
public sealed class LimitsReportTests
{
    private const string Flush64x64 = "SocketBench.Benchmarks.Sending.TcpSendBenchmarks.FlushBatched(BufferSize: 64, BufferCount: 64, NoDelay: True)";
    private const string TlsFlush64x64 = "SocketBench.Benchmarks.Sending.TlsSendBenchmarks.FlushBatched(BufferSize: 64, BufferCount: 64)";
    private const string Gather64x64 = "SocketBench.Benchmarks.Sending.TcpSendBenchmarks.GatherSend(BufferSize: 64, BufferCount: 64, NoDelay: True)";

    [Fact]
    public void Results_without_a_limits_file_report_that_no_limit_was_measured()
    {
        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", TestFiles.Samples, "--out", output);

        Assert.Equal(0, run.ExitCode);
        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("## Loopback limits", markdown, StringComparison.Ordinal);
        // No tool runs are listed and no row gets a ratio to iperf3, while the shape limit still comes from the rows themselves.
        Assert.DoesNotContain("| Tool |", markdown, StringComparison.Ordinal);
        var tcp = TestFiles.Section(markdown, "### TCP\n").Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.EndsWith("| ÷ iperf3 | ÷ shape limit |", tcp[0], StringComparison.Ordinal);
        Assert.All(tcp.Skip(1), row => Assert.Equal("–", row.TrimEnd().TrimEnd('|').Split(" | ")[^2].Trim()));
        Assert.Contains("| limit for this batch shape |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("target 0.9", markdown, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(output, "charts", "limit-share-tcp.png")));
        IndexHtml.AssertShowsReport(output);
    }

    [Theory]
    [InlineData(0.95, "met")]
    [InlineData(0.5, "not met")]
    public void Limits_give_each_row_its_ratios_and_the_target_sentence(double bestShare, string verdict)
    {
        string folder = TcpResultsFolder();
        var results = ResultLoader.Load(folder);
        double flush = results.Find(Flush64x64)!.DeliveredGigabitsPerSecond!.Value;
        double gather = results.Find(Gather64x64)!.DeliveredGigabitsPerSecond!.Value;
        // Only 4096 B per call (the 64 B × 64 batch) is measured, so the best batched row is one of these two.
        double iperf3 = Math.Max(flush, gather) / bestShare;
        WriteLimits(folder, Iperf3Run(4096, iperf3), FailedRun(64, "iperf3: unable to connect to server: Connection refused"));
        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", folder, "--out", output);

        Assert.Equal(0, run.ExitCode);
        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        string flushRow = RowOf(markdown, "| FlushBatched | Sockets | sendmsg per batch | 64 B | 64 |");
        Assert.EndsWith($"| {LimitsSection.Format(flush / iperf3)} | {LimitsSection.Format(flush / gather)} |", flushRow, StringComparison.Ordinal);
        Assert.EndsWith($"| {LimitsSection.Format(gather / iperf3)} | limit for this batch shape |", RowOf(markdown, "| GatherSend | Sockets | raw sendmsg per batch | 64 B | 64 |"), StringComparison.Ordinal);
        // Per-buffer rows at 64 B meet the failed 64 B run; other shapes have no limit measured.
        Assert.Contains("| failed |", RowOf(markdown, "| PerBufferAwait | Sockets | send per buffer | 64 B | 64 |"), StringComparison.Ordinal);
        Assert.Contains("| – |", RowOf(markdown, "| PerBufferAwait | Sockets | send per buffer | 1 KiB | 64 |"), StringComparison.Ordinal);
        Assert.Contains($"**{verdict}**", markdown, StringComparison.Ordinal);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"4,096 B per send call, {Math.Max(flush, gather):0.000} Gbit/s against iperf3's {iperf3:0.000} Gbit/s = {bestShare:0.000}×"), markdown, StringComparison.Ordinal);
        Assert.Contains("| iperf3 3.12 | TCP | 4,096 | True |", markdown, StringComparison.Ordinal);
        Assert.Contains("Connection refused", markdown, StringComparison.Ordinal);
        // A TCP-only run has no UDP rows, so no UDP sentence.
        Assert.DoesNotContain("UDP has no target", markdown, StringComparison.Ordinal);
        IndexHtml.AssertShowsReport(output);
        AssertPng(Path.Combine(output, "charts", "limit-share-tcp.png"));
    }

    [Fact]
    public void Missing_tools_are_named_in_the_report_with_how_to_install_them()
    {
        string folder = TcpResultsFolder();
        File.Copy(Path.Combine(TestFiles.Samples, "limits-missing", LimitsReader.FileName), Path.Combine(folder, LimitsReader.FileName));
        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", folder, "--out", output);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains(
            "No loopback limit was measured with this run: iperf3 is not on PATH (install with scripts/install-limit-tools.sh)",
            File.ReadAllText(Path.Combine(output, "report.md")),
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_real_limits_file_loads_every_run()
    {
        string folder = TcpResultsFolder();
        File.Copy(Path.Combine(TestFiles.Samples, "limits-quick", LimitsReader.FileName), Path.Combine(folder, LimitsReader.FileName));

        var limits = ResultLoader.Load(folder).Limits!;

        Assert.Null(limits.NotMeasured);
        Assert.Contains(limits.Runs, run => run.GigabitsPerSecond > 0);
        Assert.All(limits.Runs, run => Assert.True(run.GigabitsPerSecond > 0 || run.Reason is { Length: > 0 }, run.Command));
        Assert.NotNull(limits.Iperf3For("TCP", 4096, noDelay: true));
    }

    [Fact]
    public void Tls_rows_are_held_against_plain_tcp_and_a_batch_beyond_iperf3s_block_is_named()
    {
        string folder = TestFiles.CopyExports(TestFiles.TempFolder(), "*.T??SendBenchmarks-report-full.json", TestFiles.Samples, Path.Combine(AppContext.BaseDirectory, "SamplesTls"));
        var results = ResultLoader.Load(folder);
        double tlsFlush = results.Find(TlsFlush64x64)!.DeliveredGigabitsPerSecond!.Value;
        double gather = results.Find(Gather64x64)!.DeliveredGigabitsPerSecond!.Value;
        const double Iperf3 = 9.0;
        WriteLimits(folder, Iperf3Run(4096, Iperf3), FailedRun(4 << 20, "not run: iperf3 writes at most 1 MiB (1048576 bytes) per call"));
        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", folder, "--out", output);

        Assert.Equal(0, run.ExitCode);
        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        // The TLS row's 4 KiB of plaintext per SslStream.Write meets iperf3 -N at 4096 B, and the plain TCP GatherSend row of its shape.
        Assert.EndsWith($"| {LimitsSection.Format(tlsFlush / Iperf3)} | {LimitsSection.Format(tlsFlush / gather)} |", TlsRowOf(markdown, "| FlushBatched |", "| 64 B | 64 |"), StringComparison.Ordinal);
        Assert.Contains("| none > 1 MiB |", RowOf(markdown, "| FlushBatched | Sockets | sendmsg per batch | 16 KiB | 256 |"), StringComparison.Ordinal);
        AssertPng(Path.Combine(output, "charts", "limit-share-tls.png"));
    }

    [Fact]
    public void A_corrupt_limits_file_is_one_line_naming_it_and_exit_2()
    {
        string folder = TcpResultsFolder();
        string file = Path.Combine(folder, LimitsReader.FileName);
        File.WriteAllText(file, "{\"measurements\": [");

        var run = CliRun.Of("report", folder, "--out", TestFiles.TempFolder());

        Assert.Equal(2, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains(file, run.Error, StringComparison.Ordinal);
    }

    private static string TcpResultsFolder()
    {
        return TestFiles.CopyExports(TestFiles.TempFolder(), "*Tcp*", TestFiles.Samples);
    }

    /// <summary>A row of the TLS section, whose send path text is long: matched by method and shape.</summary>
    private static string TlsRowOf(string markdown, string method, string shape)
    {
        string tlsSection = markdown[markdown.IndexOf("### TLS 1.3 over TCP\n", StringComparison.Ordinal)..];
        return tlsSection.Split('\n').First(line => line.Contains(method, StringComparison.Ordinal) && line.Contains(shape, StringComparison.Ordinal)).TrimEnd();
    }

    /// <summary>The one table row holding <paramref name="cells"/> (they follow the row's Group cell).</summary>
    private static string RowOf(string markdown, string cells) =>
        markdown.Split('\n').Single(line => line.StartsWith("| ", StringComparison.Ordinal) && line.Contains(cells, StringComparison.Ordinal)).TrimEnd();

    private static JsonObject Iperf3Run(long bytes, double gigabits) => new()
    {
        ["tool"] = "iperf3", ["toolVersion"] = "3.12", ["command"] = $"iperf3 -c 127.0.0.1 -p 5201 -t 1 -J -l {bytes} -N",
        ["transport"] = "TCP", ["bytesPerSendCall"] = bytes, ["noDelay"] = true, ["status"] = "measured", ["gigabitsPerSecond"] = gigabits, ["rateSide"] = "received",
    };

    private static JsonObject FailedRun(long bytes, string reason) => new()
    {
        ["tool"] = "iperf3", ["toolVersion"] = "3.12", ["command"] = $"iperf3 -c 127.0.0.1 -p 5201 -t 1 -J -l {bytes} -N",
        ["transport"] = "TCP", ["bytesPerSendCall"] = bytes, ["noDelay"] = true, ["status"] = "failed", ["reason"] = reason,
    };

    private static void WriteLimits(string folder, params JsonObject[] runs)
    {
        var file = new JsonObject
        {
            ["format"] = "socketbench-loopback-limits/1", ["secondsTaken"] = 2.2, ["secondsPerRun"] = 1,
            ["tools"] = new JsonArray(new JsonObject { ["name"] = "iperf3", ["version"] = "3.12" }),
            ["measurements"] = new JsonArray(runs),
        };
        File.WriteAllText(Path.Combine(folder, LimitsReader.FileName), file.ToJsonString());
    }

    private static void AssertPng(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A], bytes[..8]);
        Assert.True(bytes.Length > 10_000, $"{path}: {bytes.Length} bytes");
    }
}
