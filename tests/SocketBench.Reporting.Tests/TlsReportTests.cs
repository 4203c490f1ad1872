namespace SocketBench.Reporting.Tests;

/// <summary>TLS rows (a real quick run of TlsSendBenchmarks) get their own charts and table section, and compare matches them by ID.</summary>
public sealed class TlsReportTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static string TlsSamples => Path.Combine(AppContext.BaseDirectory, "SamplesTls");

    [Fact]
    public void Tls_rows_beside_tcp_and_udp_get_their_own_charts_and_table_section()
    {
        string folder = TestFiles.CopyExports(TestFiles.TempFolder(), "*", TestFiles.Samples, TlsSamples);

        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", folder, "--out", output);

        Assert.Equal(0, run.ExitCode);
        string charts = Path.Combine(output, "charts");
        foreach (string name in (string[])["time-per-buffer-tls-64", "time-per-buffer-tls-16384", "speedup-tls-64", "sends-per-buffer-tls", "throughput-tls"])
        {
            byte[] png = File.ReadAllBytes(Path.Combine(charts, name + ".png"));
            Assert.Equal(PngSignature, png[..8]);
            Assert.Contains("<svg", File.ReadAllText(Path.Combine(charts, name + ".svg")), StringComparison.Ordinal);
        }

        Assert.True(File.Exists(Path.Combine(charts, "time-per-buffer-tcp-64.png")));
        string markdown = File.ReadAllText(Path.Combine(output, "report.md"));
        Assert.Contains("![TLS 1.3 over TCP: time per 64 B buffer by strategy](charts/time-per-buffer-tls-64.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("![TLS 1.3 over TCP, 64 B buffers: speedup over one awaited send per buffer](charts/speedup-tls-64.png)", markdown, StringComparison.Ordinal);
        Assert.Contains("### TLS 1.3 over TCP", markdown, StringComparison.Ordinal);
        Assert.Contains("| FlushBatched | Sockets | SslStream.Write per batch (16 KiB records, ≤32 KiB a send) | 64 B | 64 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| PerBufferAwait | Sockets | TLS record + send per buffer | 16 KiB | 256 |", markdown, StringComparison.Ordinal);
        Assert.Contains("### TCP", markdown, StringComparison.Ordinal);
        IndexHtml.AssertShowsReport(output);
    }

    [Fact]
    public void Compare_matches_tls_rows_benchmark_by_benchmark()
    {
        var run = CliRun.Of("compare", TlsSamples, TestFiles.Scaled(TlsSamples, 1.25));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("27 matched", run.Output, StringComparison.Ordinal);
        Assert.Contains("0 only in base, 0 only in new", run.Output, StringComparison.Ordinal);
        Assert.Contains("TLS FlushBatched 16 KiB × 256: 1.25× slower (SocketBench.Benchmarks.Sending.TlsSendBenchmarks.FlushBatched(BufferSize: 16384, BufferCount: 256))", run.Output, StringComparison.Ordinal);
    }
}
