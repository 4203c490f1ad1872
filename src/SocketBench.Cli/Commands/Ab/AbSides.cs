namespace SocketBench.Cli.Commands.Ab;

/// <summary>The two sides of a same-machine A/B gate.</summary>
internal enum AbSide
{
    /// <summary>The commit given with --base, built in a temporary worktree.</summary>
    Base,

    /// <summary>The working tree the tool runs in, uncommitted changes included.</summary>
    New,
}

/// <summary>One side of an A/B gate: a SocketBench source tree, the commit it holds and how to name it.</summary>
/// <param name="Root">The folder holding SocketBench.sln in this tree; the bench program runs from here.</param>
/// <param name="Commit">The full commit id (HEAD for the working tree).</param>
/// <param name="Description">"1a2b3c4 subject" for the base, "1a2b3c4 (HEAD) with uncommitted changes" for new.</param>
internal sealed record AbTree(AbSide Side, string Root, string Commit, string Description)
{
    /// <summary>The benchmark project, relative to <see cref="Root"/>, as both sides build it.</summary>
    public const string Project = "bench/SocketBench.Benchmarks";

    public string Name => Side == AbSide.Base ? "base" : "new";

    public string ShortCommit => Commit.Length > 7 ? Commit[..7] : Commit;

    /// <summary>The Release build's entry assembly, run with plain <c>dotnet</c> so each side runs its own build.</summary>
    public string Program => Path.Combine(Root, "bench", "SocketBench.Benchmarks", "bin", "Release", "net10.0", "SocketBench.Benchmarks.dll");
}

/// <summary>What each A/B round runs: the benchmark program's job and filter, how many rounds, and where the round folders go.</summary>
/// <param name="Output">results/gate-ab/&lt;timestamp&gt; in the new tree; rounds go to base/round-N and new/round-N below it.</param>
internal sealed record AbRunPlan(string Job, string Filter, int Rounds, string Output);

/// <summary>
/// Which side runs first in each round: base,new / new,base / base,new ... On a shared machine the
/// load drifts over minutes, and a side that always ran first would always get the earlier machine.
/// </summary>
internal static class AbSchedule
{
    /// <param name="round">1-based round number.</param>
    public static IReadOnlyList<AbSide> Order(int round) =>
        round % 2 == 1 ? [AbSide.Base, AbSide.New] : [AbSide.New, AbSide.Base];
}
