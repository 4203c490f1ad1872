namespace SocketBench.Cli.Commands.Ab;

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
