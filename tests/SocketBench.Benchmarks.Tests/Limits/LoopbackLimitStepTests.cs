using SocketBench.Benchmarks.Limits;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Tests.Limits;

/// <summary>The limit step against the real tools on this machine, and without them.</summary>
public sealed class LoopbackLimitStepTests
{
    private static readonly LimitCase Tcp4096 = new(Transport.Tcp, 4096, NoDelay: true);
    private static readonly LimitCase Udp1024 = new(Transport.Udp, 1024, NoDelay: null);

    [SkippableFact]
    public void Iperf3_measures_a_tcp_and_a_udp_limit_on_loopback()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        Skip.IfNot(LimitTool.Find("iperf3", path).Available, "iperf3 is not on PATH (bash scripts/install-limit-tools.sh)");
        var log = new StringWriter();

        var file = LoopbackLimitStep.Run([Tcp4096, Udp1024], enabled: true, secondsPerRun: 1, path, log);

        Assert.Null(file.NotMeasured);
        var tcp = Assert.Single(file.Measurements, run => run.Tool == "iperf3" && run.Transport == "TCP");
        var udp = Assert.Single(file.Measurements, run => run.Tool == "iperf3" && run.Transport == "UDP");
        foreach (var run in new[] { tcp, udp })
        {
            Assert.True(run.Status == LimitRun.Measured, run.Reason);
            Assert.True(double.IsFinite(run.GigabitsPerSecond!.Value) && run.GigabitsPerSecond > 0, $"{run.Command}: {run.GigabitsPerSecond}");
            Assert.Contains(" -l ", run.Command, StringComparison.Ordinal);
        }

        Assert.Contains("-N", tcp.Command, StringComparison.Ordinal);
        Assert.Contains("-u -b 0", udp.Command, StringComparison.Ordinal);
        Assert.True(udp.DatagramsPerSecond > 0 && udp.LossPercent is >= 0 and <= 100);
        Assert.Contains("limit: iperf3 tcp -l 4096 -N: ", log.ToString(), StringComparison.Ordinal);
        Assert.Contains($"/{file.Measurements.Count})", log.ToString(), StringComparison.Ordinal);
        // Every run is recorded, sockperf's too where it is installed: measured, or failed with its reason.
        Assert.All(file.Measurements, run => Assert.True(run.GigabitsPerSecond > 0 || run.Reason is { Length: > 0 }));

        string written = file.Write(Temp());
        Assert.Equal(file.Measurements.Count, LoopbackLimitsFile.Read(written).Measurements.Count);
    }

    [Fact]
    public void Missing_tools_are_written_down_with_the_reason()
    {
        string emptyPath = Temp();

        var file = LoopbackLimitStep.Run([Tcp4096, Udp1024], enabled: true, secondsPerRun: 1, emptyPath, TextWriter.Null);
        string written = file.Write(Temp());

        var read = LoopbackLimitsFile.Read(written);
        Assert.Empty(read.Measurements);
        Assert.Equal("iperf3 is not on PATH (install with scripts/install-limit-tools.sh); sockperf is not on PATH (install with scripts/install-limit-tools.sh)", read.NotMeasured);
        Assert.All(read.Tools, tool => Assert.False(tool.Available));
        Assert.Contains("\"notMeasured\": \"iperf3 is not on PATH", File.ReadAllText(written), StringComparison.Ordinal);
    }

    [SkippableFact]
    public void A_batch_above_iperf3s_block_limit_is_recorded_as_not_run_with_the_reason()
    {
        string? path = Environment.GetEnvironmentVariable("PATH");
        Skip.IfNot(LimitTool.Find("iperf3", path).Available, "iperf3 is not on PATH (bash scripts/install-limit-tools.sh)");
        var fourMebibytes = new LimitCase(Transport.Tcp, 4 << 20, NoDelay: true);

        var file = LoopbackLimitStep.Run([fourMebibytes], enabled: true, secondsPerRun: 1, path, TextWriter.Null);

        var run = Assert.Single(file.Measurements, run => run.Tool == "iperf3");
        Assert.Null(run.GigabitsPerSecond);
        Assert.Equal(Iperf3Limit.Iperf3BlockLimit, run.Reason);
        Assert.Contains("-l 4194304", run.Command, StringComparison.Ordinal);
    }

    [Fact]
    public void Limits_off_is_recorded_as_not_measured()
    {
        var file = LoopbackLimitStep.Run([Tcp4096], enabled: false, secondsPerRun: 1, Environment.GetEnvironmentVariable("PATH"), TextWriter.Null);

        Assert.Empty(file.Measurements);
        Assert.Equal("the limit step was turned off (--limits off)", file.NotMeasured);
    }

    [Theory]
    [InlineData(Transport.Tcp, true, new[] { "-c", "127.0.0.1", "-p", "5201", "-t", "1", "-J", "-l", "4096", "-N" })]
    [InlineData(Transport.Tcp, false, new[] { "-c", "127.0.0.1", "-p", "5201", "-t", "1", "-J", "-l", "4096" })]
    [InlineData(Transport.Udp, null, new[] { "-c", "127.0.0.1", "-p", "5201", "-t", "1", "-J", "-l", "4096", "-u", "-b", "0" })]
    public void Iperf3_runs_with_the_rows_bytes_per_call_and_nodelay(Transport transport, bool? noDelay, string[] expected) =>
        Assert.Equal(expected, Iperf3Limit.ClientArguments(new LimitCase(transport, 4096, noDelay), 5201, 1));

    private static string Temp()
    {
        string path = Path.Combine(Path.GetTempPath(), "socketbench-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
