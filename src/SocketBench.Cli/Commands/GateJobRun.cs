using System.Diagnostics;
using Spectre.Console;

namespace SocketBench.Cli.Commands;

/// <summary>Runs the benchmark project's gate job into a fresh folder, showing its latest output line while it works.</summary>
internal static class GateJobRun
{
    public static string Run(IAnsiConsole console, string? root, string filter, CancellationToken cancellationToken)
    {
        if (root is null)
        {
            throw new ArgumentException($"gate runs the gate job from the SocketBench source tree, and no {RepositoryRoot.SolutionFile} is above '{Directory.GetCurrentDirectory()}'. Run it in the repository, or pass results: socketbench gate --results results/gate");
        }

        string output = Path.Combine(root, "results", "gate");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in (string[])["run", "-c", "Release", "--project", Path.Combine("bench", "SocketBench.Benchmarks"), "--", "--job", "gate", "--filter", filter, "--out", output, "--limits", "off"])
        {
            start.ArgumentList.Add(argument);
        }

        int exitCode = 0;
        var tail = new Queue<string>();
        console.Status().Start($"Running the gate job ({Markup.Escape(filter)})", status =>
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
            process.ErrorDataReceived += (_, line) => Remember(tail, line.Data);
            process.BeginErrorReadLine();
            while (process.StandardOutput.ReadLine() is { } line)
            {
                Remember(tail, line);
                if (line.StartsWith("// Benchmark:", StringComparison.Ordinal))
                {
                    status.Status(Markup.Escape(line.Length > 100 ? line[..100] + "…" : line));
                }
            }

            process.WaitForExit();
            exitCode = process.ExitCode;
        });

        cancellationToken.ThrowIfCancellationRequested();
        if (exitCode != 0)
        {
            foreach (string line in tail)
            {
                console.WriteLine(line);
            }

            throw new InvalidOperationException($"The gate job failed (exit {exitCode}); its last lines are above.");
        }

        console.MarkupLine($"Gate job results: {Markup.Escape(output)}");
        return output;
    }

    private static void Remember(Queue<string> tail, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > 20)
            {
                tail.Dequeue();
            }
        }
    }
}
