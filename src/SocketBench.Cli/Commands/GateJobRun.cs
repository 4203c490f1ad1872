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
        var (exitCode, tail) = Ab.TreeProcess.WithStatus(console, $"Running the gate job ({filter})", root,
            ["run", "-c", "Release", "--project", Path.Combine("bench", "SocketBench.Benchmarks"), "--", "--job", "gate", "--filter", filter, "--out", output, "--limits", "off"],
            cancellationToken);
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
}
