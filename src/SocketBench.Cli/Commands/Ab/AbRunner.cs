using System.Diagnostics;
using System.Globalization;
using SocketBench.Core.Cases;
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

    /// <summary>
    /// Runs the plan's rounds. Each round runs every group of rows (<see cref="AbRunPlan.Groups"/>) as a base and a new
    /// process next to each other, the side that goes first alternating; returns each group's folders per side in round order.
    /// </summary>
    /// <remarks>
    /// The host's slow phases last tens of seconds and slow a whole process by up to 1.6×: a base and a new process of the
    /// same rows run back to back share them far more often than two runs of the whole job would.
    /// </remarks>
    /// <param name="stillOpen">
    /// Asked before every round after the first with the rounds so far: the row IDs that still need rounds. A group runs
    /// only its open rows, a group with none is not started, and the rounds end early when no row is open.
    /// </param>
    public static IReadOnlyList<AbGroupRounds> Run(IAnsiConsole console, AbTree baseTree, AbTree newTree, AbRunPlan plan, CancellationToken cancellationToken,
        Func<IReadOnlyList<AbGroupRounds>, IReadOnlySet<string>>? stillOpen = null)
    {
        var groups = plan.Groups.Select(group => new AbGroupRounds(group, [], [])).ToList();
        // Each group's filters: the plan's, until stillOpen narrows them.
        var filters = groups.ToDictionary(group => group.Category, _ => plan.Filters);
        for (int round = 1; round <= plan.Rounds; round++)
        {
            if (round > 1 && stillOpen is not null)
            {
                var open = stillOpen(groups);
                foreach (var group in groups)
                {
                    filters[group.Category] = [.. RowsOf(group).Where(open.Contains)];
                }

                int openRows = filters.Values.Sum(rows => rows.Count);
                if (openRows == 0)
                {
                    console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Title}s ended after {round - 1} of {plan.Rounds}: no row's verdict could change in the rest"));
                    break;
                }

                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Title} {round}/{plan.Rounds}: {openRows} row(s) still open"));
            }

            var roundTime = Stopwatch.StartNew();
            var sideTime = new Dictionary<AbTree, TimeSpan> { [baseTree] = TimeSpan.Zero, [newTree] = TimeSpan.Zero };
            var lastLines = new Dictionary<AbTree, IReadOnlyList<string>>();
            foreach (var (group, index) in groups.Select((group, index) => (group, index)).Where(pair => filters[pair.group.Category].Count > 0))
            {
                foreach (var tree in Order(round + index, baseTree, newTree))
                {
                    string folder = Path.Combine(plan.Output, tree.Name, string.Create(CultureInfo.InvariantCulture, $"{plan.Stage}-{round}"), group.Category.ToLowerInvariant());
                    var run = Stopwatch.StartNew();
                    string title = string.Create(CultureInfo.InvariantCulture, $"{plan.Title} {round}/{plan.Rounds}, {group.Category}: {tree.Name} ({tree.ShortCommit})");
                    var (exitCode, tail) = TreeProcess.WithStatus(console, title, tree.Root,
                        [tree.Program, "--job", plan.Job, "--filter", .. filters[group.Category], "--anyCategories", group.Category, "--limits", "off", "--out", folder], cancellationToken, plan.Environment);
                    if (exitCode != 0)
                    {
                        throw Failure(console, tree, tail, string.Create(CultureInfo.InvariantCulture, $"could not run the '{plan.Job}' job (exit {exitCode})"), $"It may predate --job {plan.Job}.");
                    }

                    sideTime[tree] += run.Elapsed;
                    lastLines[tree] = tail;
                    // A filter that leaves a group no rows measures nothing there (BenchmarkDotNet exits 0): no folder to judge.
                    if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, ResultLoader.ExportPattern).Any())
                    {
                        (tree.IsBase ? group.Base : group.New).Add(folder);
                    }
                }
            }

            if (round == 1)
            {
                // An unknown --job makes BenchmarkDotNet print why and exit 0 with nothing measured: no export at all is a failure too.
                foreach (var tree in (AbTree[])[baseTree, newTree])
                {
                    if (groups.All(group => (tree.IsBase ? group.Base : group.New).Count == 0))
                    {
                        throw Failure(console, tree, lastLines[tree], $"could not run the '{plan.Job}' job (no results)", $"It may predate --job {plan.Job}.");
                    }
                }

                // Groups the filter left empty on both sides are not started again.
                groups.RemoveAll(group => group.Base.Count == 0 && group.New.Count == 0);
            }

            var sides = Order(round, baseTree, newTree).Select(tree => $"{tree.Name} {Seconds(sideTime[tree])}");
            console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"{plan.Title} {round}/{plan.Rounds} ({string.Join(", ", sides)}): {Seconds(roundTime.Elapsed)}"));
        }

        return groups;
    }

    /// <summary>The row IDs a group measured in its first round (every later round runs the same rows or fewer).</summary>
    internal static IEnumerable<string> RowsOf(AbGroupRounds group) =>
        group.New.Concat(group.Base).Take(1).SelectMany(folder => ResultLoader.Load(folder).Benchmarks).Select(result => result.FullName);

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

/// <summary>What a series of A/B rounds runs: the benchmark program's job and filters, how many rounds, the groups of rows, and where their folders go.</summary>
/// <param name="Output">results/gate-ab/&lt;timestamp&gt; in the new tree; rounds go to base/&lt;stage&gt;-N/&lt;group&gt; and new/&lt;stage&gt;-N/&lt;group&gt; below it.</param>
/// <param name="Stage">"round" for the screening rounds of the whole job, "confirm" for the rounds that re-run the suspect rows.</param>
internal sealed record AbRunPlan(string Job, IReadOnlyList<string> Filters, int Rounds, string Output, string Stage = "round")
{
    /// <summary>How progress lines name a round of this series: "Round 2/4", "Confirmation round 3/6".</summary>
    public string Title => Stage == "round" ? "Round" : "Confirmation round";

    /// <summary>The groups of rows each round runs in processes of their own (BenchmarkDotNet categories, ANDed with the filters).</summary>
    public IReadOnlyList<string> Groups { get; init; } = RowGroups.Categories;

    /// <summary>
    /// Set for both sides' processes: the gate job runs with the call-counting delay at zero (docs/gate.md, "The call-counting
    /// delay"), and a base commit from before that setting must run the same way; set here, no process starts itself again.
    /// </summary>
    public IReadOnlyDictionary<string, string?> Environment => Job == "gate" ? new Dictionary<string, string?> { [GateRuntimeVariable] = "0" } : [];

    private const string GateRuntimeVariable = "DOTNET_TC_CallCountingDelayMs";

    /// <summary>One side's rounds, every group's merged; their source heads the Markdown summary: the commit and where its rounds are, relative to <paramref name="root"/>.</summary>
    public ResultSet Load(AbTree tree, IEnumerable<IReadOnlyList<string>> groupFolders, string root)
    {
        var groups = groupFolders.Where(folders => folders.Count > 0).Select(ResultLoader.LoadRounds).ToList();
        return groups[0] with
        {
            Benchmarks = [.. groups.SelectMany(group => group.Benchmarks)],
            Warnings = [.. groups.SelectMany(group => group.Warnings).Distinct()],
            Source = string.Create(CultureInfo.InvariantCulture, $"{tree.Name} {tree.Description}, {Rounds} round(s) in {Path.GetRelativePath(root, Path.Combine(Output, tree.Name))}"),
        };
    }
}

/// <summary>One group's round folders on each side, in round order (fewer than the rounds only where a side measured nothing).</summary>
internal sealed record AbGroupRounds(string Category, List<string> Base, List<string> New);
