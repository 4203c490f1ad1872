using System.Text.Json.Nodes;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Tests;

/// <summary>Real result files (the committed baseline, a real quick run), temporary folders, and a scaled copy for known slowdowns.</summary>
internal static class TestFiles
{
    public static string Samples => Path.Combine(AppContext.BaseDirectory, "Samples");

    public static string TempFolder()
    {
        string path = Path.Combine(Path.GetTempPath(), "socketbench-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>
    /// Copies every export in <paramref name="source"/> with each measurement's nanoseconds multiplied by <paramref name="factor"/>;
    /// with <paramref name="exceptOsReferenceRows"/> the raw system-call rows keep their times, as a slower change to SocketBench's code would leave them.
    /// </summary>
    public static string Scaled(string source, double factor, bool exceptOsReferenceRows = false)
    {
        string target = TempFolder();
        var record = RunRecord.ReadFrom(source)!;
        var osReferences = record.Cases.Where(identity => identity.Kind == CaseKind.OsReference).Select(identity => identity.Id).ToHashSet();
        record.Write(target);
        foreach (string file in Directory.EnumerateFiles(source, "*-report-full.json"))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var benchmark in root["Benchmarks"]!.AsArray())
            {
                if (exceptOsReferenceRows && osReferences.Contains(benchmark!["FullName"]!.GetValue<string>()))
                {
                    continue;
                }

                foreach (var measurement in benchmark!["Measurements"]!.AsArray())
                {
                    measurement!["Nanoseconds"] = measurement["Nanoseconds"]!.GetValue<double>() * factor;
                }
            }

            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), root.ToJsonString());
        }

        return target;
    }

    /// <summary>
    /// Copies the exports matching <paramref name="pattern"/> from each source into <paramref name="target"/>, with one run
    /// record holding every source's cases (the first source's settings), as a run of all of them would have written.
    /// </summary>
    public static string CopyExports(string target, string pattern, params string[] sources)
    {
        Directory.CreateDirectory(target);
        var records = sources.Select(source => RunRecord.ReadFrom(source)!).ToList();
        new RunRecord(records[0].Settings, records.SelectMany(record => record.Cases).ToList()).Write(target);
        foreach (string file in sources.SelectMany(source => Directory.EnumerateFiles(source, pattern)).Where(file => file.EndsWith("-report-full.json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        return target;
    }

    /// <summary>Runs <c>socketbench report</c> on the exports of <paramref name="sources"/> taken together; returns its report.md, after checking it succeeded.</summary>
    public static string ReportOf(params string[] sources)
    {
        string folder = CopyExports(TempFolder(), "*", sources);
        string output = TempFolder();

        var run = CliRun.Of("report", folder, "--out", output);

        Assert.Equal(0, run.ExitCode);
        return File.ReadAllText(Path.Combine(output, "report.md"));
    }

    /// <summary>One section of a report.md, from its heading (e.g. "### TCP\n") to the next section's.</summary>
    public static string Section(string markdown, string heading)
    {
        int start = markdown.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"no '{heading.Trim()}' section");
        int end = markdown.IndexOf("\n### ", start + heading.Length, StringComparison.Ordinal);
        return end < 0 ? markdown[start..] : markdown[start..end];
    }

    /// <summary>The row with this full benchmark ID, or null.</summary>
    public static BenchmarkResult? Find(this ResultSet results, string fullName) => results.Benchmarks.FirstOrDefault(result => result.FullName == fullName);
}
