using System.Diagnostics;
using System.Globalization;
using SocketBench.Cli.Commands.Echo;
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
            var screeningRounds = AbRunner.Run(console, baseTree, newTree, plan, signals.Token);
            comparison = ResultComparer.Compare(
                plan.Load(baseTree, screeningRounds.Select(group => group.Base), root), plan.Load(newTree, screeningRounds.Select(group => group.New), root), options with { AdjustForMachineDrift = false });
            var screening = total.Elapsed - builds;

            // A row that read slow may be the machine: it runs again, with the other suspects of its group only, in fresh rounds.
            var suspects = comparison.Suspects.ToList();
            if (suspects.Count > 0 && confirmRounds > 0)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Confirming {suspects.Count} row(s) that read {comparison.Options.Threshold} or more slower, in up to {confirmRounds} rounds of their own: {Markup.Escape(string.Join(", ", suspects.Select(row => $"{row.Label} {ComparisonMarkdown.Ratio(row.Ratio)}")))}"));
                var confirmation = plan with { Filters = suspects.Select(row => row.Id).ToList(), Rounds = confirmRounds, Stage = "confirm", Groups = GroupsWithSuspects(screeningRounds, suspects) };
                var screened = comparison;
                // A suspect stops once no later round could make it Slower: its verdict is then the one all rounds would give.
                IReadOnlySet<string> open = suspects.Select(row => row.Id).ToHashSet(StringComparer.Ordinal);
                var confirmationRounds = AbRunner.Run(console, baseTree, newTree, confirmation, signals.Token, rounds =>
                    open = ResultComparer.StillOpen(screened, confirmation.Load(baseTree, rounds.Select(group => group.Base), root), confirmation.Load(newTree, rounds.Select(group => group.New), root), confirmRounds));
                comparison = ResultComparer.Confirm(screened,
                    confirmation.Load(baseTree, confirmationRounds.Select(group => group.Base), root), confirmation.Load(newTree, confirmationRounds.Select(group => group.New), root), confirmRounds,
                    stoppedEarly: [.. suspects.Select(row => row.Id).Where(id => !open.Contains(id))]);
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

    /// <summary>The groups whose screening rounds measured a suspect: only those run again.</summary>
    internal static IReadOnlyList<string> GroupsWithSuspects(IReadOnlyList<AbGroupRounds> rounds, IReadOnlyList<ComparisonRow> suspects)
    {
        var ids = suspects.Select(row => row.Id).ToHashSet(StringComparer.Ordinal);
        return [.. rounds.Where(group => AbRunner.RowsOf(group).Any(ids.Contains)).Select(group => group.Category)];
    }
}
