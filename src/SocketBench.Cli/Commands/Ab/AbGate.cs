using System.Diagnostics;
using System.Globalization;
using SocketBench.Cli.Commands.Echo;
using SocketBench.Reporting.Loading;
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
    public const string ResultsFolder = "gate-ab";

    public static int Run(IAnsiConsole console, GateSettings settings, ComparisonOptions options, CancellationToken cancellationToken)
    {
        string reference = settings.Base!;
        int rounds = ParseRounds(settings.Rounds);
        int confirmRounds = ParseConfirmRounds(settings.ConfirmRounds);
        if (confirmRounds == 0 && rounds < ResultComparer.MinRounds)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--confirm-rounds 0 judges the screening rounds alone, and --rounds {rounds} cannot reach the test's alpha: give at least {ResultComparer.MinRounds}. Example: --rounds 5 --confirm-rounds 0."));
        }

        if (settings.Job.Length == 0 || settings.Job.StartsWith('-'))
        {
            throw new ArgumentException($"Invalid --job '{settings.Job}'. Examples: --job gate, --job quick.");
        }

        if (settings.Results is not null || settings.Baseline is not null || settings.UpdateBaseline)
        {
            throw new ArgumentException("--base runs both sides here and judges them against each other; it cannot be combined with --results, --baseline or --update-baseline. Example: socketbench gate --base HEAD~1");
        }

        string root = RepositoryRoot.Find()
            ?? throw new ArgumentException($"gate --base builds the SocketBench source tree, and no {RepositoryRoot.SolutionFile} is above '{Directory.GetCurrentDirectory()}'. Run it in the repository, e.g. socketbench gate --base HEAD~1");
        var git = new GitRepo(root);
        // The path from the top of the git checkout to the SocketBench root ("" at the top, else "sub/dir/").
        string prefix = git.Check("rev-parse", "--show-prefix").Trim();
        string baseCommit = git.ResolveCommit(reference)
            ?? throw new ArgumentException($"'{reference}' is not a commit in '{root}'. Examples: --base HEAD~1, --base origin/main (fetch it first).");
        string head = git.Check("rev-parse", "HEAD").Trim();
        // Uncommitted: tracked files differ from HEAD or untracked files exist (what git status --porcelain lists).
        bool uncommitted = git.Check("status", "--porcelain").Trim().Length > 0;
        var newTree = new AbTree(AbSide.New, root, head, $"{head[..7]} (HEAD){(uncommitted ? " with uncommitted changes" : "")}");
        string subject = git.Check("log", "-1", "--format=%s", baseCommit).Trim();
        // A long subject would wrap every line that names the base; its start is enough to recognise it.
        string baseDescription = $"{baseCommit[..7]} \"{(subject.Length > 72 ? subject[..71] + "…" : subject)}\"";
        console.MarkupLine($"A/B on this machine: base {Markup.Escape(baseDescription)} ({Markup.Escape(reference)}), new {Markup.Escape(newTree.Description)}");

        string stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var plan = new AbRunPlan(settings.Job, [settings.Filter], rounds, Path.Combine(root, "results", ResultsFolder, stamp));

        // Ctrl+C and SIGTERM (a cancelled CI job) cancel instead of killing this process, so the worktree is removed.
        using var signals = new ShutdownSignals(cancellationToken);
        ComparisonResult comparison;
        // The base commit goes into a temporary, detached worktree, removed (with its build output) however the run
        // ends, so a failed or cancelled A/B run leaves no worktree registered in the repository.
        string worktree = Path.Combine(Path.GetTempPath(), "socketbench-gate-base-" + Guid.NewGuid().ToString("N")[..12]);
        try
        {
            git.Check("worktree", "add", "--detach", worktree, baseCommit);
            var baseTree = new AbTree(AbSide.Base, Path.Combine(worktree, prefix), baseCommit, baseDescription);
            var total = Stopwatch.StartNew();
            AbRunner.Build(console, baseTree, newTree, signals.Token);
            var builds = total.Elapsed;
            comparison = Judge(AbRunner.Run(console, baseTree, newTree, plan, signals.Token), plan, baseDescription, newTree.Description, root, options);
            var screening = total.Elapsed - builds;

            // A row that read slow may be the machine: it runs again, alone with the other suspects, in fresh rounds.
            var suspects = comparison.Suspects.ToList();
            if (suspects.Count > 0 && confirmRounds > 0)
            {
                console.MarkupLine(string.Create(CultureInfo.InvariantCulture, $"Confirming {suspects.Count} row(s) that read {comparison.Options.Threshold} or more slower, in {confirmRounds} rounds of their own: {Markup.Escape(string.Join(", ", suspects.Select(row => $"{row.Label} {ComparisonMarkdown.Ratio(row.Ratio)}")))}"));
                var confirmation = plan with { Filters = suspects.Select(row => row.Id).ToList(), Rounds = confirmRounds, Stage = "confirm" };
                var folders = AbRunner.Run(console, baseTree, newTree, confirmation, signals.Token);
                comparison = ResultComparer.Confirm(comparison, ResultLoader.LoadRounds(folders[AbSide.Base]), ResultLoader.LoadRounds(folders[AbSide.New]), confirmRounds);
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
    /// Both sides' screening rounds, judged. Both ran in the same session, round by round: a drift of the machine is in
    /// both, and the reference rows share code with the strategies (receivers, the wait for delivery), so nothing is divided out.
    /// </summary>
    private static ComparisonResult Judge(IReadOnlyDictionary<AbSide, IReadOnlyList<string>> folders, AbRunPlan plan, string baseDescription, string newDescription, string root, ComparisonOptions options)
    {
        // The sources head the Markdown summary: the commits and where their rounds are, relative to the repository.
        var baseSet = ResultLoader.LoadRounds(folders[AbSide.Base]) with { Source = Source(baseDescription, root, plan, "base") };
        var newSet = ResultLoader.LoadRounds(folders[AbSide.New]) with { Source = Source(newDescription, root, plan, "new") };
        return ResultComparer.Compare(baseSet, newSet, options with { AdjustForMachineDrift = false });
    }

    private static string Source(string description, string root, AbRunPlan plan, string side) =>
        string.Create(CultureInfo.InvariantCulture, $"{side} {description}, {plan.Rounds} round(s) in {Path.GetRelativePath(root, Path.Combine(plan.Output, side))}");

    /// <summary>A whole number of rounds, at least 1; anything else is one line quoting it.</summary>
    internal static int ParseRounds(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) && rounds >= 1
            ? rounds
            : throw new ArgumentException($"Invalid --rounds '{text}': a whole number of rounds, at least 1. Example: --rounds 3.");

    /// <summary>0 (no confirmation) or enough rounds for the per-round test to reach its alpha; anything else is one line quoting it.</summary>
    internal static int ParseConfirmRounds(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int rounds) && (rounds == 0 || rounds >= ResultComparer.MinRounds)
            ? rounds
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Invalid --confirm-rounds '{text}': 0, or a whole number of rounds from {ResultComparer.MinRounds} (fewer cannot reach the test's alpha). Example: --confirm-rounds 8."));
}
