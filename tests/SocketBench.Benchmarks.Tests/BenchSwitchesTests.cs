using SocketBench.Benchmarks.Config;

namespace SocketBench.Benchmarks.Tests;

/// <summary>SocketBench's own options are taken out; everything else reaches BenchmarkDotNet untouched.</summary>
public sealed class BenchSwitchesTests
{
    [Fact]
    public void Named_jobs_are_taken_and_other_arguments_pass_through()
    {
        var switches = BenchSwitches.Parse(["--job", "quick", "--filter", "*Tcp*", "--list", "flat"]);

        Assert.Equal("Quick", switches.Job.Id);
        Assert.StartsWith(Path.Combine("results", "runs") + Path.DirectorySeparatorChar, switches.ResultsDirectory, StringComparison.Ordinal);
        Assert.EndsWith("-quick", switches.ResultsDirectory, StringComparison.Ordinal);
        Assert.Equal(Path.Combine("results", "quick"), switches.PublishDirectory);
        Assert.False(switches.WholeMatrix);
        Assert.Equal(["--filter", "*Tcp*", "--list", "flat"], switches.BenchmarkDotNetArgs);
    }

    [Fact]
    public void BenchmarkDotNet_jobs_pass_through_and_the_default_job_is_ours()
    {
        var switches = BenchSwitches.Parse(["--job", "short"]);

        Assert.Equal("Main", switches.Job.Id);
        Assert.Equal(Path.Combine("results", "default"), switches.PublishDirectory);
        Assert.Equal(["--job", "short"], switches.BenchmarkDotNetArgs);
    }

    [Theory]
    [InlineData(true, "--filter", "*")]
    [InlineData(true, "--filter", "*", "--iterationCount", "3")]
    [InlineData(false, "--filter", "*Udp*")]
    [InlineData(false, "-f", "*", "*Tcp*")]
    [InlineData(false, "--filter", "*", "--anyCategories", "Tcp")]
    [InlineData(false, "--filter", "*", "--shapes", "64x64")]
    [InlineData(false, "--filter", "*", "--job", "short")]
    public void Only_a_run_of_the_whole_matrix_is_published_as_the_jobs_results(bool whole, params string[] args)
    {
        Assert.Equal(whole, BenchSwitches.Parse(args).WholeMatrix);
    }

    [Fact]
    public void Nodelay_both_measures_nagle_too()
    {
        var switches = BenchSwitches.Parse(["--nodelay", "both", "--out", "results/mine"]);

        Assert.Equal([true, false], switches.NoDelay);
        Assert.Equal("results/mine", switches.ResultsDirectory);
        Assert.Null(switches.PublishDirectory);
    }

    [Theory]
    [InlineData("on", new[] { true })]
    [InlineData("off", new[] { false })]
    [InlineData("both", new[] { true, false })]
    public void Nodelay_reaches_the_tcp_cases_through_the_published_variable(string option, bool[] values)
    {
        // What Publish writes and the TCP ParamsSources read back; unset, TCP_NODELAY is on.
        Assert.Equal(values, RunEnvironment.NoDelayFrom(RunEnvironment.NoDelayText(BenchSwitches.Parse(["--nodelay", option]).NoDelay)));
        Assert.Equal([true], RunEnvironment.NoDelayFrom(null));
    }

    [Fact]
    public void The_receiver_reads_inline_where_it_may_unless_told_otherwise_and_shapes_narrow_the_run()
    {
        var defaults = BenchSwitches.Parse([]);
        var chosen = BenchSwitches.Parse(["--receiver", "block", "--shapes", "64x64, 1024x256", "--job", "gate"]);

        var inlineWhereAllowed = Sockets.Sessions.SocketSession.CanReceiveInline() ? Sockets.Sessions.ReceiverMode.Inline : Sockets.Sessions.ReceiverMode.Spin;
        Assert.Equal(inlineWhereAllowed, defaults.Receiver);
        Assert.Empty(defaults.Shapes);
        Assert.Equal(Sockets.Sessions.ReceiverMode.Block, chosen.Receiver);
        Assert.Equal([(64, 64), (1024, 256)], chosen.Shapes);
        Assert.Equal("gate", chosen.JobName);
        Assert.Equal("Gate", chosen.Job.Id);
    }

    [Theory]
    [InlineData("--receiver", "sleepy", "Invalid --receiver 'sleepy'. Valid: inline, spin, block. Example: --receiver ")]
    [InlineData("--shapes", "64by64", "Invalid --shapes '64by64': each shape is SIZExCOUNT in bytes and buffers. Example: --shapes 64x64,1024x256.")]
    [InlineData("--shapes", "0x64", "Invalid --shapes '0x64'")]
    public void Bad_receiver_and_shape_values_are_one_line_quoting_them(string option, string value, string message)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchSwitches.Parse([option, value]));

        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--nodelay", "sometimes", "'sometimes'")]
    [InlineData("--nodelay", "--filter", "needs a value")]
    public void A_bad_value_is_one_line_quoting_it_with_an_example(string option, string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchSwitches.Parse([option, value]));

        Assert.Contains(expected, error.Message);
        Assert.Contains("Example: --nodelay both", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Limits_are_measured_unless_turned_off()
    {
        Assert.True(BenchSwitches.Parse([]).MeasureLimits);
        Assert.False(BenchSwitches.Parse(["--limits", "off", "--filter", "*"]).MeasureLimits);
        Assert.True(BenchSwitches.Parse(["--limits", "auto"]).MeasureLimits);
    }

    [Theory]
    [InlineData("bogus", "Invalid --limits 'bogus'. Valid: auto, off. Example: --limits off.")]
    [InlineData("--filter", "Option '--limits' needs a value. Example: --limits off.")]
    public void A_bad_limits_value_is_one_line_quoting_it_with_an_example(string value, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => BenchSwitches.Parse(["--limits", value]));

        Assert.Equal(expected, error.Message);
    }

    [Fact]
    public void Peer_is_taken_out_and_parsed()
    {
        var switches = BenchSwitches.Parse(["--peer", "10.203.0.2:5201", "--filter", "*Tcp*"]);

        Assert.Equal(new SocketBench.Core.Peers.PeerAddress("10.203.0.2", 5201), switches.Peer);
        Assert.Equal(["--filter", "*Tcp*"], switches.BenchmarkDotNetArgs);
        Assert.Null(BenchSwitches.Parse([]).Peer);
    }

    [Fact]
    public void A_peer_without_a_value_asks_for_one_with_an_example()
    {
        var error = Assert.Throws<ArgumentException>(() => BenchSwitches.Parse(["--peer"]));

        Assert.Equal("Option '--peer' needs a value. Example: --peer 10.203.0.2:5201.", error.Message);
    }
}
