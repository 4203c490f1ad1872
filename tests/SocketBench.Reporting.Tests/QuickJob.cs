using CliWrap;
using CliWrap.Buffered;
using SocketBench.Cli.Commands;

namespace SocketBench.Reporting.Tests;

/// <summary>Runs the real benchmark project's quick job (built beside these tests, same configuration) on a small filter.</summary>
internal static class QuickJob
{
    /// <summary>Runs the quick job on <paramref name="filter"/> (plus any of SocketBench's options) and returns the results folder; fails the test on a non-zero exit.</summary>
    public static string Run(string filter, params string[] options)
    {
        string output = TestFiles.TempFolder();
        var run = Exec(["--job", "quick", "--filter", filter, "--out", output, .. options]);
        Assert.True(run.ExitCode == 0, $"quick job exit {run.ExitCode}: {run.Errors} {run.Log[^Math.Min(2000, run.Log.Length)..]}");
        return output;
    }

    /// <summary>Runs the gate's job on <paramref name="filter"/>, with a test fault switched on when one is named; returns the results folder.</summary>
    public static string RunGateJob(string filter, string? testFault = null)
    {
        string output = TestFiles.TempFolder();
        var environment = testFault is null ? null : new Dictionary<string, string> { [Sockets.TestFaults.Variable] = testFault };
        var run = Exec(environment, ["--job", "gate", "--filter", filter, "--out", output, "--limits", "off"]);
        Assert.True(run.ExitCode == 0, $"gate job exit {run.ExitCode}: {run.Errors} {run.Log[^Math.Min(2000, run.Log.Length)..]}");
        return output;
    }

    /// <summary>Runs the benchmark program with these arguments and returns its exit code, stdout and stderr.</summary>
    public static (int ExitCode, string Log, string Errors) Exec(params string[] arguments) => Exec(null, arguments);

    public static (int ExitCode, string Log, string Errors) Exec(IReadOnlyDictionary<string, string>? environment, params string[] arguments)
    {
        string root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No SocketBench.sln above the test output.");
        // BenchmarkDotNet refuses a Debug build, so the quick job always runs the Release one (CI builds it; a Debug test run builds it here).
        string project = Path.Combine(root, "bench", "SocketBench.Benchmarks");
        string dll = Path.Combine(project, "bin", "Release", "net10.0", "SocketBench.Benchmarks.dll");
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            if (!File.Exists(dll))
            {
                CliWrap.Cli.Wrap("dotnet").WithArguments(["build", "-c", "Release", project]).WithValidation(CommandResultValidation.None)
                    .ExecuteBufferedAsync(deadline.Token).GetAwaiter().GetResult();
            }

            var run = CliWrap.Cli.Wrap("dotnet").WithWorkingDirectory(TestFiles.TempFolder()).WithArguments(["exec", dll, .. arguments])
                .WithEnvironmentVariables(environment?.ToDictionary(pair => pair.Key, string? (pair) => pair.Value) ?? []).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync(deadline.Token).GetAwaiter().GetResult();
            return (run.ExitCode, run.StandardOutput, run.StandardError);
        }
        catch (OperationCanceledException)
        {
            // CliWrap has killed the process tree.
            throw new TimeoutException($"The benchmark program ({string.Join(' ', arguments)}) took over 2 minutes.");
        }
    }
}
