using System.Text.Json;
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
    public static LoopbackLimits? ReadBeside(IEnumerable<string> paths)
    {
        foreach (string path in paths)
        {
            string folder = Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".";
            string file = Path.Combine(folder, FileName);
            if (File.Exists(file))
            {
                return Read(file);
            }
        }

        return null;
    }

    public static LoopbackLimits Read(string file)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("measurements", out var measurements) || measurements.ValueKind != JsonValueKind.Array)
            {
                throw new ResultInputException($"'{file}': not a SocketBench loopback limits file (no \"measurements\"). Make one with: scripts/bench --job quick");
            }

            return new LoopbackLimits(
                file,
                Number(root, "secondsTaken") ?? 0,
                (int)(Number(root, "secondsPerRun") ?? 0),
                String(root, "notMeasured"),
                Array(root, "tools").Select(tool => new LimitToolInfo(String(tool, "name") ?? "?", String(tool, "version"), String(tool, "reason"))).ToList(),
                measurements.EnumerateArray().Select(ReadRun).ToList());
        }
        catch (JsonException error)
        {
            throw new ResultInputException($"'{file}': corrupt or truncated JSON: {error.Message.Split(" Path:", 2)[0].TrimEnd('.')}.");
        }
    }

    private static LimitRun ReadRun(JsonElement run) => new(
        String(run, "tool") ?? "?",
        String(run, "toolVersion") ?? "?",
        String(run, "command") ?? "",
        String(run, "transport") ?? "?",
        (long)(Number(run, "bytesPerSendCall") ?? 0),
        run.TryGetProperty("noDelay", out var noDelay) && noDelay.ValueKind is JsonValueKind.True or JsonValueKind.False ? noDelay.GetBoolean() : null,
        String(run, "status") == "measured" ? Number(run, "gigabitsPerSecond") : null,
        Number(run, "datagramsPerSecond"),
        Number(run, "lossPercent"),
        String(run, "rateSide"),
        String(run, "reason"));

    private static IEnumerable<JsonElement> Array(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : [];

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
