namespace SocketBench.Cli.Commands.Ab;

/// <summary>
/// The base commit checked out in a temporary, detached git worktree. Disposing removes it (with its
/// build output), so a failed or cancelled A/B run leaves no worktree registered in the repository.
/// </summary>
internal sealed class BaseWorktree : IDisposable
{
    private readonly GitRepo _git;

    private BaseWorktree(GitRepo git, string path)
    {
        _git = git;
        Path = path;
    }

    /// <summary>The worktree's top folder (the git checkout's top, not necessarily the SocketBench root).</summary>
    public string Path { get; }

    public static BaseWorktree Add(GitRepo git, string commit)
    {
        string path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "socketbench-gate-base-" + Guid.NewGuid().ToString("N")[..12]);
        git.Check("worktree", "add", "--detach", path, commit);
        return new BaseWorktree(git, path);
    }

    public void Dispose()
    {
        // --force: the build left untracked bin/ and obj/ folders, which plain remove refuses to delete.
        if (_git.Run("worktree", "remove", "--force", Path).ExitCode == 0)
        {
            return;
        }

        // A process still holding a file (or a half-made worktree) can make remove fail: delete and let git forget it.
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        _git.Run("worktree", "prune");
    }
}
