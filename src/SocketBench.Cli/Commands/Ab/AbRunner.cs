using System.Diagnostics;
using System.Globalization;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Model;
using Spectre.Console;

namespace SocketBench.Cli.Commands.Ab;

/// <summary>
/// Builds both trees, then runs the benchmark program of each in alternating rounds, one run at a time
/// (two runs side by side would measure each other).
/// </summary>
internal static class AbRunner
{
    /// <summary>Builds both trees in Release; a tree that does not build ends the gate with its last lines shown.</summary>
    public static void Build(IAnsiConsole console, AbTree baseTree, AbTree newTree, CancellationToken cancellationToken)
    {
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
    }

    /// <summary>Runs the plan's rounds, base and new alternating; returns each side's round folders in round order.</summary>
    public static (IReadOnlyList<string> Base, IReadOnlyList<string> New) Run(
        IAnsiConsole console, AbTree baseTree, AbTree newTree, AbRunPlan plan, CancellationToken cancellationToken)
    {
        List<string> baseFolders = [], newFolders = [];
        for (int round = 1; round <= plan.Rounds; round++)
        {
            var roundTime = Stopwatch.StartNew();
            var sides = new List<string>();
            foreach (var tree in Order(round, baseTree, newTree))
            {
                string folder = Path.Combine(plan.Output, tree.Name, string.Create(CultureInfo.InvariantCulture, $"{plan.Stage}-{round}"));
                var run = Stopwatch.StartNew();
                string title = string.Create(CultureInfo.InvariantCulture, $"{plan.Title} {round}/{plan.Rounds}: {tree.Name} ({tree.ShortCommit})");
                var (exitCode, tail) = TreeProcess.WithStatus(console, title, tree.Root, [tree.Program, "--job", plan.Job, "--filter", .. plan.Filters, "--limits", "off", "--out", folder], cancellationToken);
                // An unknown --job makes BenchmarkDotNet print why and exit 0 with nothing measured: no export is a failure too.
                bool measured = Directory.Exists(folder) && Directory.EnumerateFiles(folder, ResultLoader.ExportPattern).Any();
                if (exitCode != 0 || !measured)
                {
                    string what = exitCode != 0 ? string.Create(CultureInfo.InvariantCulture, $"exit {exitCode}") : "no results";
                    throw Failure(console, tree, tail, $"could not run the '{plan.Job}' job ({what})", $"It may predate --job {plan.Job}.");
                }

                sides.Add($"{tree.Name} {Seconds(run.Elapsed)}");
                (tree.IsBase ? baseFolders : newFolders).Add(folder);
            }

            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Title} {round}/{plan.Rounds} ({string.Join(", ", sides)}): {Seconds(roundTime.Elapsed)}"));
        }

        return (baseFolders, newFolders);
    }

    /// <summary>
    /// Which side runs first in 1-based <paramref name="round"/>: base,new / new,base / base,new ... On a shared machine
    /// the load drifts over minutes, and a side that always ran first would always get the earlier machine.
    /// </summary>
    public static IReadOnlyList<T> Order<T>(int round, T baseSide, T newSide) =>
        round % 2 == 1 ? [baseSide, newSide] : [newSide, baseSide];

    /// <summary>Shows the process's last lines, then the one-line error: a base that cannot run is bad input (exit 2), a new tree that cannot is a failure.</summary>
    private static Exception Failure(IAnsiConsole console, AbTree tree, IReadOnlyList<string> tail, string what, string? baseHint)
    {
        console.Write(new Rows(tail.Select(line => new Text(line))));
        string why = tail.LastOrDefault(line => line.Contains("error", StringComparison.OrdinalIgnoreCase) || line.Contains("invalid", StringComparison.OrdinalIgnoreCase))
            ?? tail.LastOrDefault() ?? "no output";
        return tree.IsBase
            ? new ResultInputException($"Base commit {tree.Description} {what}: {why.Trim().TrimEnd('.')}.{(baseHint is null ? "" : " " + baseHint)} Gate against the committed baseline instead: socketbench gate")
            : new InvalidOperationException($"The working tree ({tree.Description}) {what}: {why.Trim().TrimEnd('.')}. Its last lines are above.");
    }

    internal static string Seconds(TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalSeconds:0.0} s");
}

/// <summary>One side of an A/B gate: a SocketBench source tree, the commit it holds and how to name it.</summary>
/// <param name="IsBase">The commit given with --base, built in a temporary worktree; otherwise the working tree the tool runs in, uncommitted changes included.</param>
/// <param name="Root">The folder holding SocketBench.sln in this tree; the bench program runs from here.</param>
/// <param name="Commit">The full commit id (HEAD for the working tree).</param>
/// <param name="Description">"1a2b3c4 subject" for the base, "1a2b3c4 (HEAD) with uncommitted changes" for new.</param>
internal sealed record AbTree(bool IsBase, string Root, string Commit, string Description)
{
    /// <summary>The benchmark project, relative to <see cref="Root"/>, as both sides build it.</summary>
    public const string Project = "bench/SocketBench.Benchmarks";

    public string Name => IsBase ? "base" : "new";

    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

    /// <summary>The Release build's entry assembly, run with plain <c>dotnet</c> so each side runs its own build.</summary>
    public string Program => Path.Combine(Root, "bench", "SocketBench.Benchmarks", "bin", "Release", "net10.0", "SocketBench.Benchmarks.dll");
}

/// <summary>What a series of A/B rounds runs: the benchmark program's job and filters, how many rounds, and where their folders go.</summary>
/// <param name="Output">results/gate-ab/&lt;timestamp&gt; in the new tree; rounds go to base/&lt;stage&gt;-N and new/&lt;stage&gt;-N below it.</param>
/// <param name="Stage">"round" for the screening rounds of the whole job, "confirm" (then "confirm-2") for the rounds that re-run the suspect rows, one group of rows at a time.</param>
internal sealed record AbRunPlan(string Job, IReadOnlyList<string> Filters, int Rounds, string Output, string Stage = "round")
{
    /// <summary>How progress lines name a round of this series: "Round 2/4", "Confirmation round 3/6".</summary>
    public string Title => Stage == "round" ? "Round" : "Confirmation round";

    /// <summary>One side's rounds; their source heads the Markdown summary: the commit and where its rounds are, relative to <paramref name="root"/>.</summary>
    public ResultSet Load(AbTree tree, IReadOnlyList<string> folders, string root) => ResultLoader.LoadRounds(folders) with
    {
        Source = string.Create(CultureInfo.InvariantCulture, $"{tree.Name} {tree.Description}, {Rounds} round(s) in {Path.GetRelativePath(root, Path.Combine(Output, tree.Name))}"),
    };
}
