using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// <c>loopback-limits.json</c> in the results folder: the tools found (or why not), every limit run, how
/// long the step took, and when nothing was measured, why. Always written, so a report never shows an
/// older run's limits beside new results.
/// </summary>
public sealed record LoopbackLimitsFile(
    string Format,
    DateTime MeasuredAt,
    double SecondsTaken,
    int SecondsPerRun,
    string? NotMeasured,
    IReadOnlyList<LimitTool> Tools,
    IReadOnlyList<LimitMeasurement> Measurements)
{
    public const string FileName = "loopback-limits.json";
    public const string FormatName = "socketbench-loopback-limits/1";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public string Write(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Options));
        return path;
    }

    public static LoopbackLimitsFile Read(string path) =>
        JsonSerializer.Deserialize<LoopbackLimitsFile>(File.ReadAllText(path), Options) ?? throw new FormatException($"'{path}' is empty.");
}
