using System.Diagnostics;
using System.Globalization;
using SocketBench.Reporting.Loading;
using Spectre.Console;

namespace SocketBench.Cli.Commands.Ab;

/// <summary>
/// Builds both trees, then runs the benchmark program of each in alternating rounds, one run at a time
/// (two runs side by side would measure each other). Returns each side's round folders, in round order.
/// </summary>
internal static class AbRunner
{
    public static IReadOnlyDictionary<AbSide, IReadOnlyList<string>> Run(
        IAnsiConsole console, AbTree baseTree, AbTree newTree, AbRunPlan plan, CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
        foreach (var tree in (AbTree[])[baseTree, newTree])
        {
            var build = Stopwatch.StartNew();
            var (exitCode, tail) = TreeProcess.WithStatus(console, $"Building {tree.Name} ({tree.ShortCommit})", tree.Root, ["build", "-c", "Release", AbTree.Project], cancellationToken);
            if (exitCode != 0)
            {
                throw Failure(console, tree, tail, string.Create(CultureInfo.InvariantCulture, $"does not build ('dotnet build -c Release {AbTree.Project}' exit {exitCode})"), baseHint: null);
            }

            console.MarkupLine($"Built {tree.Name} ({Markup.Escape(tree.ShortCommit)}) in {Seconds(build.Elapsed)}");
        }

        var builds = total.Elapsed;
        var folders = new Dictionary<AbSide, List<string>> { [AbSide.Base] = [], [AbSide.New] = [] };
        for (int round = 1; round <= plan.Rounds; round++)
        {
            var roundTime = Stopwatch.StartNew();
            var sides = new List<string>();
            foreach (var side in AbSchedule.Order(round))
            {
                var tree = side == AbSide.Base ? baseTree : newTree;
                string folder = Path.Combine(plan.Output, tree.Name, string.Create(CultureInfo.InvariantCulture, $"round-{round}"));
                var run = Stopwatch.StartNew();
                string title = string.Create(CultureInfo.InvariantCulture, $"Round {round}/{plan.Rounds}: {tree.Name} ({tree.ShortCommit})");
                var (exitCode, tail) = TreeProcess.WithStatus(console, title, tree.Root, [tree.Program, "--job", plan.Job, "--filter", plan.Filter, "--limits", "off", "--out", folder], cancellationToken);
                // An unknown --job makes BenchmarkDotNet print why and exit 0 with nothing measured: no export is a failure too.
                bool measured = Directory.Exists(folder) && Directory.EnumerateFiles(folder, ResultLoader.ExportPattern).Any();
                if (exitCode != 0 || !measured)
                {
                    string what = exitCode != 0 ? string.Create(CultureInfo.InvariantCulture, $"exit {exitCode}") : "no results";
                    throw Failure(console, tree, tail, $"could not run the '{plan.Job}' job ({what})", $"It may predate --job {plan.Job}.");
                }

                sides.Add($"{tree.Name} {Seconds(run.Elapsed)}");
                folders[side].Add(folder);
            }

            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Round {round}/{plan.Rounds} ({string.Join(", ", sides)}): {Seconds(roundTime.Elapsed)}"));
        }

        console.MarkupLine($"A/B total: {Seconds(total.Elapsed)} (builds {Seconds(builds)}, rounds {Seconds(total.Elapsed - builds)})");
        return folders.ToDictionary(pair => pair.Key, pair => (IReadOnlyList<string>)pair.Value);
    }

    /// <summary>Shows the process's last lines, then the one-line error: a base that cannot run is bad input (exit 2), a new tree that cannot is a failure.</summary>
    private static Exception Failure(IAnsiConsole console, AbTree tree, IReadOnlyList<string> tail, string what, string? baseHint)
    {
        foreach (string line in tail)
        {
            console.WriteLine(line);
        }

        string why = tail.LastOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase) || line.Contains("invalid", StringComparison.OrdinalIgnoreCase))
            ?? tail.LastOrDefault() ?? "no output";
        return tree.Side == AbSide.Base
            ? new ResultInputException($"Base commit {tree.Description} {what}: {why.Trim().TrimEnd('.')}.{(baseHint is null ? "" : " " + baseHint)} Gate against the committed baseline instead: socketbench gate")
            : new InvalidOperationException($"The working tree ({tree.Description}) {what}: {why.Trim().TrimEnd('.')}. Its last lines are above.");
    }

    private static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");
}
