namespace SocketBench.Benchmarks.Limits;

/// <summary>A limit tool as found on PATH: where it is and its version, or why it cannot be used.</summary>
public sealed record LimitTool(string Name, string? Path, string? Version, string? Reason)
{
    public const string InstallHint = "install with scripts/install-limit-tools.sh";

    public bool Available => Path is not null && Reason is null;

    /// <summary>A tool this run leaves out on purpose, with the reason the report shows.</summary>
    public static LimitTool NotRun(string name, string reason) => new(name, null, null, reason);

    /// <summary>Looks the tool up on <paramref name="pathVariable"/> (a PATH value) and asks it for its version.</summary>
    public static LimitTool Find(string name, string? pathVariable)
    {
        string? path = (pathVariable ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            return new LimitTool(name, null, null, $"{name} is not on PATH ({InstallHint})");
        }

        var run = ToolProcess.Run(path, ["--version"], TimeSpan.FromSeconds(5));
        string? version = VersionIn(run.Output + "\n" + run.Error);
        return version is null
            ? new LimitTool(name, path, null, $"'{path} --version' printed no version: {run.OneLine}")
            : new LimitTool(name, path, version, null);
    }

    /// <summary>"iperf 3.12 (cJSON 1.7.15)" is 3.12; "sockperf, version 3.7-no.git" is 3.7-no.git.</summary>
    internal static string? VersionIn(string text)
    {
        foreach (string word in text.Split([' ', '\n', '\r', '\t', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            if (word.Length > 2 && char.IsAsciiDigit(word[0]) && word.Contains('.', StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }
}
