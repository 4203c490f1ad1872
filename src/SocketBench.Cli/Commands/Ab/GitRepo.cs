using CliWrap;
using CliWrap.Buffered;

namespace SocketBench.Cli.Commands.Ab;

/// <summary>The few git commands the A/B gate needs, run in one repository; any git failure is one line naming the command.</summary>
internal sealed class GitRepo(string directory)
{
    /// <summary>The full commit id <paramref name="reference"/> names, or null when it names no commit here.</summary>
    /// <remarks>A leading '-' would reach git as an option, never as a revision.</remarks>
    public string? ResolveCommit(string reference) =>
        reference.Length > 0 && !reference.StartsWith('-') && Run("rev-parse", "--verify", "--quiet", reference + "^{commit}") is { ExitCode: 0 } result
            ? result.StandardOutput.Trim()
            : null;

    /// <summary>
    /// Removes a worktree this tool added. --force: the build left untracked bin/ and obj/ folders, which plain remove
    /// refuses to delete. A process still holding a file (or a half-made worktree) can make remove fail: then the folder
    /// is deleted and git forgets it.
    /// </summary>
    public void RemoveWorktree(string path)
    {
        if (Run("worktree", "remove", "--force", path).ExitCode != 0)
        {
            try
            {
                Directory.Delete(path, recursive: true);
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
            }

            Run("worktree", "prune");
        }
    }

    /// <summary>Runs git and returns its output, trimmed; a non-zero exit is an error quoting the command and git's message.</summary>
    public string Check(params string[] arguments)
    {
        var result = Run(arguments);
        return result.ExitCode == 0
            ? result.StandardOutput.Trim()
            : throw new InvalidOperationException($"'git {string.Join(' ', arguments)}' failed in '{directory}' (exit {result.ExitCode}): {result.StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no message"}");
    }

    private BufferedCommandResult Run(params string[] arguments)
    {
        try
        {
            return CliWrap.Cli.Wrap("git").WithWorkingDirectory(directory).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .ExecuteBufferedAsync().GetAwaiter().GetResult();
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            throw new InvalidOperationException($"gate --base needs git on PATH ({error.Message}). Without git, gate against the committed baseline: socketbench gate");
        }
    }
}
