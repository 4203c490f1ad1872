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

    /// <summary>
    /// Copies every export in <paramref name="source"/> with each measurement's nanoseconds multiplied by <paramref name="factor"/>;
    /// with <paramref name="exceptOsReferenceRows"/> the raw system-call rows keep their times, as a slower change to SocketBench's code would leave them.
    /// </summary>
    public static string Scaled(string source, double factor, bool exceptOsReferenceRows = false)
    {
        string target = TempFolder();
        foreach (string file in Directory.EnumerateFiles(source, "*-report-full.json"))
        {
            var root = JsonNode.Parse(File.ReadAllText(file))!;
            foreach (var benchmark in root["Benchmarks"]!.AsArray())
            {
                if (exceptOsReferenceRows && IsOsReference(benchmark!["Method"]!.GetValue<string>()))
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

    private static bool IsOsReference(string method) =>
        Enum.TryParse<SocketBench.Sockets.SendMethod>(method, out var sendMethod) && SocketBench.Sockets.SendMethods.IsOsReference(sendMethod);
}
