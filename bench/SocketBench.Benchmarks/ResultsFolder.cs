using BenchmarkDotNet.Reports;

namespace SocketBench.Benchmarks;

/// <summary>Puts a run's full JSON and GitHub Markdown in the results folder, replacing the previous run's.</summary>
public static class ResultsFolder
{
    private static readonly string[] Suffixes = ["-report-full.json", "-report-github.md"];

    /// <summary>Copies the exports written since <paramref name="runStarted"/>; BenchmarkDotNet names them after the benchmark type.</summary>
    public static IReadOnlyList<string> Publish(IEnumerable<Summary> summaries, DateTime runStarted, string directory)
    {
        Directory.CreateDirectory(directory);
        foreach (string stale in Directory.EnumerateFiles(directory).Where(IsReport))
        {
            File.Delete(stale);
        }

        var written = new List<string>();
        foreach (string exportDirectory in summaries.Select(summary => summary.ResultsDirectoryPath).Distinct())
        {
            foreach (string source in Directory.EnumerateFiles(exportDirectory).Where(IsReport).Order())
            {
                if (File.GetLastWriteTimeUtc(source) >= runStarted)
                {
                    string target = Path.Combine(directory, Path.GetFileName(source));
                    File.Copy(source, target, overwrite: true);
                    written.Add(target);
                }
            }
        }

        return written;
    }

    private static bool IsReport(string path) => Suffixes.Any(suffix => path.EndsWith(suffix, StringComparison.Ordinal));
}
