using CliWrap;
using CliWrap.Buffered;

namespace SocketBench.Cli.Commands.Ab;

/// <summary>The few git commands the A/B gate needs, run in one repository; any git failure is one line naming the command.</summary>
internal sealed class GitRepo(string directory)
{
    /// <summary>The full commit id <paramref name="reference"/> names, or null when it names no commit here.</summary>
    public string? ResolveCommit(string reference)
    {
        // A leading '-' would reach git as an option, never as a revision.
        if (reference.Length == 0 || reference.StartsWith('-'))
        {
            return null;
        }

        var (exitCode, output, _) = Run("rev-parse", "--verify", "--quiet", reference + "^{commit}");
        return exitCode == 0 ? output.Trim() : null;
    }

    /// <summary>
    /// Removes a worktree this tool added. --force: the build left untracked bin/ and obj/ folders, which plain remove
    /// refuses to delete. A process still holding a file (or a half-made worktree) can make remove fail: then the folder
    /// is deleted and git forgets it.
    /// </summary>
    public void RemoveWorktree(string path)
    {
        if (Run("worktree", "remove", "--force", path).ExitCode == 0)
        {
            return;
        }

        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
        }

        Run("worktree", "prune");
    }

    /// <summary>Runs git and returns its output; a non-zero exit is an error quoting the command and git's message.</summary>
    public string Check(params string[] arguments)
    {
        var (exitCode, output, errors) = Run(arguments);
        return exitCode == 0
            ? output
            : throw new InvalidOperationException($"'git {string.Join(' ', arguments)}' failed in '{directory}' (exit {exitCode}): {errors.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message"}");
    }

    public (int ExitCode, string Output, string Errors) Run(params string[] arguments)
    {
        try
        {
            var result = CliWrap.Cli.Wrap("git").WithWorkingDirectory(directory).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync().GetAwaiter().GetResult();
            return (result.ExitCode, result.StandardOutput, result.StandardError);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"gate --base needs git on PATH ({error.Message}). Without git, gate against the committed baseline: socketbench gate");
        }
    }
}
