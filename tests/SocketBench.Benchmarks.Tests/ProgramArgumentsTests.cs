using CliWrap;
using CliWrap.Buffered;

namespace SocketBench.Benchmarks.Tests;

/// <summary>The benchmark program itself on a bad option: one line on stderr, exit 2, before any benchmark runs.</summary>
public sealed class ProgramArgumentsTests
{
    [Fact]
    public async Task Bad_limits_value_exits_2_with_one_line()
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var run = await Cli.Wrap("dotnet")
            .WithArguments(["exec", Path.Combine(AppContext.BaseDirectory, "SocketBench.Benchmarks.dll"), "--limits", "bogus"])
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(deadline.Token);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Invalid --limits 'bogus'. Valid: auto, off. Example: --limits off.", run.StandardError.TrimEnd());
        Assert.DoesNotContain("BenchmarkDotNet", run.StandardOutput, StringComparison.Ordinal);
    }
}
