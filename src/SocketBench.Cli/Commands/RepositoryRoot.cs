namespace SocketBench.Cli.Commands;

/// <summary>The SocketBench source tree the tool runs in: the nearest folder up from here that holds SocketBench.sln.</summary>
internal static class RepositoryRoot
{
    public const string SolutionFile = "SocketBench.sln";

    public static string? Find(string? start = null)
    {
        var directory = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, SolutionFile)))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }
}
