using System.Text.Json;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Loading;

/// <summary>
/// Reads <c>loopback-limits.json</c>, which the benchmark program writes beside its exports. Results
/// without one (older runs, committed baselines) report fine: the report says no limit was measured.
/// </summary>
public static class LimitsReader
{
    public const string FileName = "loopback-limits.json";

    /// <summary>The limits file in the first of <paramref name="paths"/> (a results folder, or the folder of an export file) that has one.</summary>
    public static LoopbackLimits? ReadBeside(IEnumerable<string> paths) => paths
        .Select(path => Path.Combine(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".", FileName))
        .Where(File.Exists)
        .Select(Read)
        .FirstOrDefault();

    public static LoopbackLimits Read(string file)
    {
        const string hint = "Make one with: scripts/bench --job quick";
        var limits = ExportReader.ReadJson<LimitsFile>(file, Json, "a SocketBench loopback limits file", hint, "\"measurements\"", read => read.Measurements is not null);

        // Only a measured run has a rate.
        return new LoopbackLimits(file, limits.SecondsTaken, limits.SecondsPerRun, limits.NotMeasured, limits.Tools ?? [],
            limits.Measurements!.Select(run => run.Status == "measured" ? run : run with { GigabitsPerSecond = null }).ToList());
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // The parts of the file the report uses, as the benchmark program writes them (camelCase).
    private sealed record LimitsFile(double SecondsTaken, int SecondsPerRun, string? NotMeasured, List<LimitToolInfo>? Tools, List<LimitRun>? Measurements);
}
