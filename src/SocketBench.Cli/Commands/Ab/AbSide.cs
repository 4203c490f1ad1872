namespace SocketBench.Cli.Commands.Ab;

/// <summary>The two sides of a same-machine A/B gate.</summary>
internal enum AbSide
{
    /// <summary>The commit given with --base, built in a temporary worktree.</summary>
    Base,

    /// <summary>The working tree the tool runs in, uncommitted changes included.</summary>
    New,
}
