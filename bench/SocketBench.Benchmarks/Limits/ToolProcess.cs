using System.Diagnostics;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// Runs a tool to completion with a deadline. A tool that outlives it is killed: a limit run that
/// hangs (a server that never answers) must not hold the benchmark session, nor load the machine.
/// </summary>
public sealed record ToolProcess(int ExitCode, string Output, string Error, bool TimedOut)
{
    /// <summary>The first non-empty line of the error output, else of the output: a failure's reason.</summary>
    public string OneLine =>
        (Error + "\n" + Output).Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "no output";

    public static ToolProcess Run(string path, IReadOnlyList<string> arguments, TimeSpan deadline)
    {
        using var process = Start(path, arguments);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        bool finished = process.WaitForExit(deadline);
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }

        return new ToolProcess(finished ? process.ExitCode : -1, output.Result, error.Result, !finished);
    }

    public static Process Start(string path, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException($"'{path}' did not start.");
    }
}
