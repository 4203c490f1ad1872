using System.Diagnostics;

namespace SocketBench.Benchmarks.Tests;

/// <summary>The benchmark program itself on a bad option: one line on stderr, exit 2, before any benchmark runs.</summary>
public sealed class ProgramArgumentsTests
{
    [Fact]
    public async Task Bad_limits_value_exits_2_with_one_line()
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["exec", Path.Combine(AppContext.BaseDirectory, "SocketBench.Benchmarks.dll"), "--limits", "bogus"])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        string error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, process.ExitCode);
        Assert.Equal("error: Invalid --limits 'bogus'. Valid: auto, off. Example: --limits off.", error.TrimEnd());
        Assert.DoesNotContain("BenchmarkDotNet", await output, StringComparison.Ordinal);
    }
}
