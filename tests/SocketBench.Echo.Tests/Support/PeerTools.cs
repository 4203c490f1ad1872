namespace SocketBench.Echo.Tests.Support;

/// <summary>
/// Finds the standard peers (socat, ncat, openssl). Off CI a missing tool skips its tests; with CI=true
/// it fails them, because a CI run that silently skipped interop would prove nothing. That holds on Linux only:
/// scripts/install-echo-peers.sh installs the peers from Debian's packages, and nothing installs them on Windows,
/// so there (the windows-latest job sets CI=true too) a missing peer skips its tests.
/// </summary>
internal static class PeerTools
{
    public static bool OnCi => OperatingSystem.IsLinux() && string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static string? Find(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, tool))
            .FirstOrDefault(File.Exists);

    public static string Require(string tool) =>
        Find(tool) ?? throw new InvalidOperationException($"'{tool}' is not installed and CI=true: run `bash scripts/install-echo-peers.sh` before the tests");
}

/// <summary>A fact that needs external tools: skipped when one is missing, unless CI=true (then it runs and fails).</summary>
public sealed class PeerFactAttribute : FactAttribute
{
    public PeerFactAttribute(params string[] tools)
    {
        var missing = tools.Where(t => PeerTools.Find(t) is null).ToList();
        if (missing.Count > 0 && !PeerTools.OnCi)
        {
            Skip = $"not installed: {string.Join(", ", missing)} (bash scripts/install-echo-peers.sh)";
        }
    }
}
