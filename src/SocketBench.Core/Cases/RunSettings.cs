using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocketBench.Core.Cases;

/// <summary>
/// How a run measured: the settings that change what a row means or how noisy it is. Recorded with the
/// results, so compare can say when two runs differ in them.
/// </summary>
/// <param name="Job">The SocketBench job: default, quick or gate (or a BenchmarkDotNet job's id).</param>
/// <param name="Receiver">"inline" (the sending thread reads, on CPU 0), "spin" (receiver pinned to the last CPU, polling; sender on CPU 0) "block" (blocking recv, unpinned), or "remote" (a --peer's sink on another host received).</param>
/// <param name="Os">"linux", "windows", "macos": the OS the send paths were made on.</param>
/// <param name="RuntimeKnobs">DOTNET_* variables that change what code runs (tiered compilation, PGO), as set for the run.</param>
/// <param name="TestFault">A regression switched on by a test (SOCKETBENCH_TEST_FAULT), or null in a real run.</param>
public sealed record RunSettings(
    string Job,
    string Receiver,
    string Os,
    IReadOnlyDictionary<string, string> RuntimeKnobs,
    string? TestFault)
{
    /// <summary>The receiver of a run against a --peer: the peer's sink, so the local receiver setting played no part.</summary>
    public const string RemoteReceiver = "remote";

    /// <summary>
    /// Whether every row's sends were also counted by the kernel: "on", "off", or "unavailable: why"
    /// (not Linux, not root, no tracefs); null in records that do not say.
    /// </summary>
    public string? KernelSendCounts { get; init; }

    /// <summary>The settings that two runs must share for their times to be compared as like for like.</summary>
    public IEnumerable<string> DifferencesFrom(RunSettings other)
    {
        string Knobs(RunSettings settings) => string.Join(" ", settings.RuntimeKnobs.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => $"{pair.Key}={pair.Value}"));
        (string What, string Base, string New)[] compared =
        [
            ("receiver", other.Receiver, Receiver),
            ("OS", other.Os, Os),
            ("runtime settings", Knobs(other), Knobs(this)),
            ("test fault", other.TestFault ?? "none", TestFault ?? "none"),
        ];
        return compared.Where(setting => setting.Base != setting.New).Select(setting => $"{setting.What} '{setting.Base}' in base, '{setting.New}' in new");
    }
}

/// <summary>The file a run writes beside BenchmarkDotNet's exports: its settings and what every case is.</summary>
public sealed record RunRecord(RunSettings Settings, IReadOnlyList<CaseRecord> Cases)
{
    public const string FileName = "socketbench-run.json";

    /// <summary>The layout this version writes and reads; a record of another layout is refused rather than half-read.</summary>
    public const int CurrentSchema = 2;

    /// <summary>As read from the file; 0 for records written before the layout was numbered. Write stamps the current one.</summary>
    public int Schema { get; init; }

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
    };

    public string Write(string directory)
    {
        string path = Path.Combine(directory, FileName);
        File.WriteAllText(path, JsonSerializer.Serialize(this with { Schema = CurrentSchema }, Json));
        return path;
    }

    /// <summary>The record in <paramref name="directory"/>, or null when the results there predate it.</summary>
    public static RunRecord? ReadFrom(string directory)
    {
        string path = Path.Combine(directory, FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            var record = JsonSerializer.Deserialize<RunRecord>(File.ReadAllText(path), Json);
            return record is null || record.Schema == CurrentSchema
                ? record
                : throw new InvalidDataException(
                    $"'{path}': run record schema {record.Schema}, this SocketBench reads schema {CurrentSchema}: re-run the job with this version (e.g. scripts/bench --job quick).");
        }
        catch (JsonException error)
        {
            throw new InvalidDataException($"'{path}': not a SocketBench run record: {error.Message.Split(" Path:", 2)[0]}", error);
        }
    }
}
