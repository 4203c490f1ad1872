using System.Text.RegularExpressions;
using CliWrap;
using CliWrap.Buffered;
using SocketBench.Cli.Commands;
using SocketBench.Cli.Commands.Ab;
using SocketBench.Reporting.Loading;
using Spectre.Console;

namespace SocketBench.Reporting.Tests;

// Builds the base in a git worktree and runs real benchmarks: alone, so other tests' load cannot make the A/A sides differ.
[Collection(RealBenchmarkRuns.Name)]
public sealed class AbGateTests
{
    // 3 cases in the gate job (12 in the quick job) that run SocketBench's code, a few seconds a run here.
    private const string SmallFilter = "*TcpSendBenchmarks.FlushBatched*";

    // Far above the 30-50 s a round trip takes here; past it the command is cancelled (as by Ctrl+C) and must still clean up.
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    [Fact]
    public void Head_against_the_working_tree_builds_both_runs_both_judges_and_removes_the_worktree()
    {
        string root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No SocketBench.sln above the test output.");
        string worktreesBefore = Git(root, "worktree", "list", "--porcelain");
        string markdown = Path.Combine(TestFiles.TempFolder(), "summary.md");
        using var deadline = new CancellationTokenSource(Deadline);

        var run = CliRun.Of(deadline.Token, "gate", "--base", "HEAD", "--filter", SmallFilter, "--md", markdown);

        string output = run.Output.ReplaceLineEndings(" ");
        var results = Regex.Match(output, @"results in (\S+)");
        try
        {
            Assert.False(deadline.IsCancellationRequested, $"gate --base took over {Deadline}: {run.Error}");
            Assert.Equal(worktreesBefore, Git(root, "worktree", "list", "--porcelain"));
            // The same code on both sides: an A/A, which the gate must pass, on counters and on every row's time.
            Assert.True(run.ExitCode == 0, run.Output + run.Error);
            string head = Git(root, "rev-parse", "--short=7", "HEAD").Trim();
            Assert.Contains($"base {head} \"", output, StringComparison.Ordinal);
            Assert.Contains($"new {head} (HEAD)", output, StringComparison.Ordinal);
            Assert.Matches(@"Round 3/3 \(base \d+\.\d s, new \d+\.\d s\): \d+\.\d s", output);
            Assert.Matches(@"A/B total: \d+\.\d s \(builds \d+\.\d s, rounds \d+\.\d s, confirmation \d+\.\d s\)", output);
            Assert.Contains("3 matched:", output, StringComparison.Ordinal);
            Assert.DoesNotContain("counter:", output, StringComparison.Ordinal);
            Assert.True(results.Success, output);
            Assert.True(Directory.Exists(Path.Combine(results.Groups[1].Value, "base", "round-1")), output);
            Assert.True(Directory.Exists(Path.Combine(results.Groups[1].Value, "new", "round-3")), output);
            Assert.Contains($"base {head}", File.ReadAllText(markdown), StringComparison.Ordinal);
        }
        finally
        {
            // The round folders are under the repository's (ignored) results/gate-ab; a test run should not pile them up.
            if (results.Success && results.Groups[1].Value.Contains("gate-ab", StringComparison.Ordinal) && Directory.Exists(results.Groups[1].Value))
            {
                Directory.Delete(results.Groups[1].Value, recursive: true);
            }
        }
    }

    [Fact]
    public void A_base_whose_benchmark_program_cannot_run_the_job_is_one_line_naming_the_commit()
    {
        string root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No SocketBench.sln above the test output.");
        string worktreesBefore = Git(root, "worktree", "list", "--porcelain");
        using var deadline = new CancellationTokenSource(Deadline);

        // As a base from before the gate job would: BenchmarkDotNet says the job is unknown and measures nothing.
        var run = CliRun.Of(deadline.Token, "gate", "--base", "HEAD", "--rounds", "1", "--job", "no-such-job", "--filter", SmallFilter);

        Assert.Equal(2, run.ExitCode);
        string head = Git(root, "rev-parse", "--short=7", "HEAD").Trim();
        Assert.StartsWith($"error: Base commit {head} \"", run.Error, StringComparison.Ordinal);
        Assert.Contains("could not run the 'no-such-job' job", run.Error, StringComparison.Ordinal);
        Assert.Contains("socketbench gate", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(worktreesBefore, Git(root, "worktree", "list", "--porcelain"));
    }

    [Fact]
    public void Cancelling_mid_build_removes_the_worktree()
    {
        string root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No SocketBench.sln above the test output.");
        string worktreesBefore = Git(root, "worktree", "list", "--porcelain");
        // A fresh worktree's build takes over 10 s here: 3 s cancels it while it runs, as Ctrl+C would.
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(3));

        var run = CliRun.Of(cancel.Token, "gate", "--base", "HEAD", "--rounds", "1", "--job", "quick", "--filter", SmallFilter);

        // One line naming where the finished rounds are, and no worktree left registered.
        Assert.Equal(1, run.ExitCode);
        Assert.Single(run.Error.TrimEnd().Split('\n'));
        Assert.Contains(Path.Combine(root, "results", "gate-ab"), run.Error, StringComparison.Ordinal);
        Assert.Equal(worktreesBefore, Git(root, "worktree", "list", "--porcelain"));
    }

    [Fact]
    public void Rounds_run_only_the_rows_still_open_and_end_when_none_is()
    {
        string root = RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No SocketBench.sln above the test output.");
        string head = Git(root, "rev-parse", "HEAD").Trim();
        // Both sides are this working tree: what is checked here is which rows each round starts, not their times.
        var baseTree = new AbTree(IsBase: true, root, head, "base");
        var newTree = new AbTree(IsBase: false, root, head, "new");
        var output = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Interactive = InteractionSupport.No, Ansi = AnsiSupport.No });
        console.Profile.Width = 300;
        var plan = new AbRunPlan("gate", [SmallFilter], Rounds: 4, TestFiles.TempFolder(), Stage: "confirm") { Groups = ["Tcp"] };
        string? kept = null;
        var asked = new List<int>();
        using var deadline = new CancellationTokenSource(Deadline);
        AbRunner.Build(console, baseTree, newTree, deadline.Token);

        var rounds = AbRunner.Run(console, baseTree, newTree, plan, deadline.Token, sofar =>
        {
            asked.Add(sofar[0].New.Count);
            // After round 1 one row stays open, after round 2 none.
            kept ??= ResultLoader.Load(sofar[0].New[0]).Benchmarks[0].FullName;
            return sofar[0].New.Count == 1 ? new HashSet<string> { kept } : new HashSet<string>();
        });

        var group = Assert.Single(rounds);
        Assert.Equal([1, 2], asked);
        Assert.Equal(2, group.Base.Count);
        Assert.Equal(2, group.New.Count);
        Assert.Equal(3, ResultLoader.Load(group.New[0]).Benchmarks.Count);
        Assert.Equal([kept], ResultLoader.Load(group.Base[1]).Benchmarks.Select(result => result.FullName));
        Assert.Equal([kept], ResultLoader.Load(group.New[1]).Benchmarks.Select(result => result.FullName));
        Assert.Contains("Confirmation round 2/4: 1 row(s) still open", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("Confirmation rounds ended after 2 of 4: no row's verdict could change in the rest", output.ToString(), StringComparison.Ordinal);
    }

    private static string Git(string directory, params string[] arguments) =>
        CliWrap.Cli.Wrap("git").WithWorkingDirectory(directory).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync().GetAwaiter().GetResult().StandardOutput;
}
