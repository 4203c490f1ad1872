using System.Diagnostics;
using System.Globalization;
using SocketBench.Cli.Commands.Echo;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Statistics;
using SocketBench.Reporting.Writers;
using Spectre.Console;

namespace SocketBench.Cli.Commands.Ab;

/// <summary>
/// <c>socketbench gate --base REF</c>: a committed baseline was measured on another day, under another load;
/// building REF beside the working tree and running both here, in alternating rounds, judges the code
/// change on one machine in one session. The judging and printing are the baseline gate's own.
/// </summary>
internal static class AbGate
{
    public static int Run(IAnsiConsole console, GateSettings settings, ComparisonOptions options, CancellationToken cancellationToken)
    {
        string reference = settings.Base!;
        int rounds = int.Parse(settings.Rounds, CultureInfo.InvariantCulture);
        int confirmRounds = int.Parse(settings.ConfirmRounds, CultureInfo.InvariantCulture);
        string root = RepositoryRoot.Find()
            ?? throw new ArgumentException($"gate --base builds the SocketBench source tree, and no {RepositoryRoot.SolutionFile} is above '{Directory.GetCurrentDirectory()}'. Run it in the repository, e.g. socketbench gate --base HEAD~1");
        var git = new GitRepo(root);
        // The path from the top of the git checkout to the SocketBench root ("" at the top, else "sub/dir/").
        string prefix = git.Check("rev-parse", "--show-prefix");
        string baseCommit = git.ResolveCommit(reference)
            ?? throw new ArgumentException($"'{reference}' is not a commit in '{root}'. Examples: --base HEAD~1, --base origin/main (fetch it first).");
        string head = git.Check("rev-parse", "HEAD");
        // Uncommitted: tracked files differ from HEAD or untracked files exist (what git status --porcelain lists).
        bool uncommitted = git.Check("status", "--porcelain").Length > 0;
        var newTree = new AbTree(IsBase: false, root, head, $"{head[..7]} (HEAD){(uncommitted ? " with uncommitted changes" : "")}");
        string subject = git.Check("log", "-1", "--format=%s", baseCommit);
        // A long subject would wrap every line that names the base; its start is enough to recognise it.
        string baseDescription = $"{baseCommit[..7]} \"{(subject.Length > 72 ? subject[..71] + "…" : subject)}\"";
        console.MarkupLine($"A/B on this machine: base {Markup.Escape(baseDescription)} ({Markup.Escape(reference)}), new {Markup.Escape(newTree.Description)}");

        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var plan = new AbRunPlan(settings.Job, [settings.Filter], rounds, Path.Combine(root, "results", "gate-ab", stamp));

        // Ctrl+C and SIGTERM (a cancelled CI job) cancel instead of killing this process, so the worktree is removed.
        using var signals = new ShutdownSignals(cancellationToken);
        ComparisonResult comparison;
        // The base commit goes into a temporary, detached worktree, removed (with its build output) however the run
        // ends, so a failed or cancelled A/B run leaves no worktree registered in the repository.
        string worktree = Path.Combine(Path.GetTempPath(), "socketbench-gate-base-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            git.Check("worktree", "add", "--detach", worktree, baseCommit);
            var baseTree = new AbTree(IsBase: true, Path.Combine(worktree, prefix), baseCommit, baseDescription);
            var total = Stopwatch.StartNew();
            AbRunner.Build(console, baseTree, newTree, signals.Token);
            var builds = total.Elapsed;
            // Both sides ran in the same session, round by round: a drift of the machine is in both, and the reference rows
            // share code with the strategies (receivers, the wait for delivery), so nothing is divided out.
            var (baseRounds, newRounds) = AbRunner.Run(console, baseTree, newTree, plan, signals.Token);
            comparison = ResultComparer.Compare(plan.Load(baseTree, baseRounds, root), plan.Load(newTree, newRounds, root), options with { AdjustForMachineDrift = false });
            var screening = total.Elapsed - builds;

            // A row that read slow may be the machine: it runs again, with the other suspects of its group only, in fresh rounds.
            var suspects = comparison.Suspects.ToList();
            if (suspects.Count > 0 && confirmRounds > 0)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Confirming {suspects.Count} row(s) that read {comparison.Options.Threshold} or more slower, in {confirmRounds} rounds of their own: {Markup.Escape(string.Join(", ", suspects.Select(row => $"{row.Label} {ComparisonMarkdown.Ratio(row.Ratio)}")))}"));
                List<ResultSet> baseConfirm = [], newConfirm = [];
                foreach (var (group, index) in ConfirmationGroups(comparison).Select((group, index) => (group, index)))
                {
                    var confirmation = plan with { Filters = group, Rounds = confirmRounds, Stage = index == 0 ? "confirm" : "confirm-" + (index + 1) };
                    var (baseFolders, newFolders) = AbRunner.Run(console, baseTree, newTree, confirmation, signals.Token);
                    baseConfirm.Add(ResultLoader.LoadRounds(baseFolders));
                    newConfirm.Add(ResultLoader.LoadRounds(newFolders));
                }

                comparison = ResultComparer.Confirm(comparison, Union(baseConfirm), Union(newConfirm), confirmRounds);
            }

            var confirming = total.Elapsed - builds - screening;
            console.MarkupLine($"A/B total: {AbRunner.Seconds(total.Elapsed)} (builds {AbRunner.Seconds(builds)}, rounds {AbRunner.Seconds(screening)}, confirmation {AbRunner.Seconds(confirming)})");
        }
        catch (OperationCanceledException) when (signals.Token.IsCancellationRequested)
        {
            throw new OperationCanceledException($"gate --base was cancelled; the base worktree is removed, finished rounds are in '{plan.Output}'.", signals.Token);
        }
        finally
        {
            git.RemoveWorktree(worktree);
        }

        console.MarkupLine($"Gate A/B: new {Markup.Escape(newTree.Description)} against base {Markup.Escape(baseDescription)}; results in {Markup.Escape(plan.Output)}");
        return ComparisonPrinter.Print(console, comparison, settings);
    }

    /// <summary>
    /// The suspects' IDs, in the groups that confirm in processes of their own: echo rows apart from send rows. A row's
    /// code depends on the rows before it in the process (tiered PGO profiles the shared async and socket code on whatever
    /// ran first): after the echo rows, TCP TaskWaitAll 64 B × 64 read 1.3× slower and noisier than without them, which hid
    /// a regression of that row. Each group starts its processes as it starts the screening's: with nothing before it.
    /// </summary>
    internal static IEnumerable<IReadOnlyList<string>> ConfirmationGroups(ComparisonResult comparison)
    {
        var echoRows = comparison.Base.Benchmarks.Where(result => result.Case.Kind == CaseKind.RoundTrip).Select(result => result.FullName).ToHashSet();
        return comparison.Suspects.GroupBy(row => echoRows.Contains(row.Id)).Select(group => (IReadOnlyList<string>)[.. group.Select(row => row.Id)]);
    }

    private static ResultSet Union(List<ResultSet> groups) =>
        groups[0] with { Benchmarks = [.. groups.SelectMany(group => group.Benchmarks)], Warnings = [.. groups.SelectMany(group => group.Warnings).Distinct()] };
}
