using BenchmarkDotNet.Reports;
using SocketBench.Benchmarks.Limits;
using SocketBench.Core.Cases;
using SocketBench.Core.Peers;

namespace SocketBench.Benchmarks;

/// <summary>
/// Puts a run's full JSON and GitHub Markdown in its results folder, and publishes a run of the whole matrix
/// as the job's named results. Only SocketBench's own files are ever replaced, and only by a run that
/// measured everything they held.
/// </summary>
public static class ResultsFolder
{
    private static readonly string[] Suffixes = ["-report-full.json", "-report-github.md"];

    private static readonly string[] RunFiles = [RunRecord.FileName, LoopbackLimitsFile.FileName, PeerRoundTrip.FileName];

    /// <summary>Copies the exports written since <paramref name="runStarted"/>; BenchmarkDotNet names them after the benchmark type.</summary>
    public static IReadOnlyList<string> Publish(IEnumerable<Summary> summaries, DateTime runStarted, string directory) =>
        CopyRun(
            summaries.Select(summary => summary.ResultsDirectoryPath).Distinct()
                .SelectMany(exportDirectory => Directory.EnumerateFiles(exportDirectory).Where(IsExport).Order())
                .Where(source => File.GetLastWriteTimeUtc(source) >= runStarted),
            directory);

    /// <summary>Makes <paramref name="published"/> hold exactly the run in <paramref name="run"/> (its other files are left alone).</summary>
    public static void Replace(string published, string run) => CopyRun(Directory.EnumerateFiles(run).Where(IsRunFile), published);

    /// <summary>
    /// Names the newest run folder in runs/latest, a one-line text file (a symbolic link would need
    /// privileges on Windows), so scripts find the run they just started.
    /// </summary>
    public static void NameLatest(string runsDirectory, string run) =>
        File.WriteAllText(Path.Combine(runsDirectory, "latest"), Path.GetFileName(Path.TrimEndingDirectorySeparator(run)) + "\n");

    /// <summary>Replaces the run files in <paramref name="directory"/> with <paramref name="sources"/>; returns the copies.</summary>
    private static List<string> CopyRun(IEnumerable<string> sources, string directory)
    {
        Directory.CreateDirectory(directory);
        Array.ForEach([.. Directory.EnumerateFiles(directory).Where(IsRunFile)], File.Delete);
        return [.. sources.Select(source =>
        {
            string target = Path.Combine(directory, Path.GetFileName(source));
            File.Copy(source, target, overwrite: true);
            return target;
        })];
    }

    private static bool IsExport(string path) => Suffixes.Any(suffix => path.EndsWith(suffix, StringComparison.Ordinal));

    private static bool IsRunFile(string path) => IsExport(path) || RunFiles.Contains(Path.GetFileName(path));
}
