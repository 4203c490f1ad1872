using System.Text.Json.Nodes;

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

    /// <summary>Copies every export in <paramref name="source"/> with each measurement's nanoseconds multiplied by <paramref name="factor"/>.</summary>
    public static string Scaled(string source, double factor)
    {
        string target = TempFolder();
        foreach (string file in Directory.EnumerateFiles(source, "*-report-full.json"))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var benchmark in root["Benchmarks"]!.AsArray())
            {
                foreach (var measurement in benchmark!["Measurements"]!.AsArray())
                {
                    measurement!["Nanoseconds"] = measurement["Nanoseconds"]!.GetValue<double>() * factor;
                }
            }

            File.WriteAllText(Path.Combine(target, Path.GetFileName(file)), root.ToJsonString());
        }

        return target;
    }
}
