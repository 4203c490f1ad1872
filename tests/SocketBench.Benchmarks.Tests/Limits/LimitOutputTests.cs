using SocketBench.Benchmarks.Limits;

namespace SocketBench.Benchmarks.Tests.Limits;

/// <summary>The parsers on what the tools really printed here (iperf3 3.12 -J, sockperf 3.7 tp).</summary>
public sealed class LimitOutputTests
{
    private static string Sample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Limits", "Samples", name));

    [Fact]
    public void Iperf3_tcp_rate_is_the_receivers_sum()
    {
        var rate = Iperf3Limit.Parse(Sample("iperf3-tcp-4096-N.json"));

        Assert.Equal(8963273213.41614, rate.BitsPerSecond, 3);
        Assert.Null(rate.DatagramsPerSecond);
        Assert.Null(rate.LossPercent);
    }

    [Fact]
    public void Iperf3_udp_counts_datagrams_that_arrived_and_the_loss()
    {
        var rate = Iperf3Limit.Parse(Sample("iperf3-udp-1472.json"));

        // end.sum_received: 354,610,688 bytes in 1.000076 s; 245,880 datagrams of which 4,976 lost.
        Assert.Equal(2836669917.0863013, rate.BitsPerSecond, 3);
        Assert.Equal((245880 - 4976) / 1.000076, rate.DatagramsPerSecond!.Value, 3);
        Assert.Equal(2.023751423458598, rate.LossPercent!.Value, 9);
        Assert.Equal(rate.BitsPerSecond, rate.DatagramsPerSecond.Value * 1472 * 8, 0);
    }

    [Fact]
    public void Iperf3_error_becomes_the_one_line_reason()
    {
        var error = Assert.Throws<FormatException>(() => Iperf3Limit.Parse(Sample("iperf3-refused.json")));

        Assert.Equal("iperf3: unable to connect to server: Connection refused", error.Message);
    }

    [Fact]
    public void Iperf3_text_instead_of_json_is_quoted()
    {
        var error = Assert.Throws<FormatException>(() => Iperf3Limit.Parse("iperf3: parameter error - block size too large (maximum = 1048576 bytes)\n\nUsage: ..."));

        Assert.Contains("'iperf3: parameter error - block size too large (maximum = 1048576 bytes)'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Sockperf_message_rate_is_read_from_its_summary()
    {
        Assert.Equal(209265, SockperfLimit.MessagesPerSecond(Sample("sockperf-tp-1472.txt")));
        Assert.Throws<FormatException>(() => SockperfLimit.MessagesPerSecond("sockperf: ERROR: connection refused"));
    }

    [Theory]
    [InlineData("iperf 3.12 (cJSON 1.7.15)\nLinux vm 6.18", "3.12")]
    [InlineData("sockperf: \u001b[2;35m== version #3.7-no.git == \u001b[0m\nsockperf, version 3.7-no.git", "3.7-no.git")]
    public void Tool_versions_are_read_from_their_banner(string banner, string version) =>
        Assert.Equal(version, LimitTool.VersionIn(banner));
}
