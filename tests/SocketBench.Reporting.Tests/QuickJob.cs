using System.Diagnostics;
using SocketBench.Cli.Commands;

namespace SocketBench.Reporting.Tests;

/// <summary>Runs the real benchmark project's quick job (built beside these tests, same configuration) on a small filter.</summary>
internal static class QuickJob
{
    public static string Run(string filter)
    {
        string root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No SocketBench.sln above the test output.");
        // BenchmarkDotNet refuses a Debug build, so the quick job always runs the Release one (CI builds it; a Debug test run builds it here).
        string project = Path.Combine(root, "bench", "SocketBench.Benchmarks");
        string dll = Path.Combine(project, "bin", "Release", "net10.0", "SocketBench.Benchmarks.dll");
        if (!File.Exists(dll))
        {
            using var build = Process.Start("dotnet", ["build", "-c", "Release", project])!;
            build.WaitForExit();
        }

        string output = TestFiles.TempFolder();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = TestFiles.TempFolder(), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in (string[])["exec", dll, "--job", "quick", "--filter", filter, "--out", output])
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var errors = process.StandardError.ReadToEndAsync();
        string log = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The quick job ({filter}) took over 2 minutes.");
        }

        Assert.True(process.ExitCode == 0, $"quick job exit {process.ExitCode}: {errors.Result} {log[^Math.Min(2000, log.Length)..]}");
        return output;
    }
}
