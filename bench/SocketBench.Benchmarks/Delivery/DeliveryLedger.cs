using System.Text.Json;

namespace SocketBench.Benchmarks.Delivery;

/// <summary>
/// Carries a case's <see cref="DeliveryRecord"/> from the process that ran it to the host that
/// summarises it. BenchmarkDotNet runs each case in a child process (the default job) or in the
/// host (the quick job), one case at a time; the child inherits the host's environment, so one
/// file named by an environment variable is enough: the case writes it at cleanup, the host takes
/// it as soon as the case ends.
/// </summary>
public static class DeliveryLedger
{
    // A figure that could not be computed is NaN (e.g. kernel sends per buffer when not counted): JSON has no NaN literal.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public const string PathVariable = "SOCKETBENCH_DELIVERY_LEDGER";

    /// <summary>Points this process and the benchmark processes it starts at a fresh ledger file.</summary>
    public static void UseFile(string path)
    {
        // Absolute, because a benchmark process runs in a folder of its own.
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        Environment.SetEnvironmentVariable(PathVariable, path);
    }

    /// <summary>Writes the case's record; does nothing when no host asked for one (e.g. a debugger run).</summary>
    public static void Record(DeliveryRecord record)
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(record, Json));
        }
    }

    /// <summary>Reads and removes the record the last case wrote, or null when it wrote none.</summary>
    public static DeliveryRecord? Take()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is not { Length: > 0 } path || !File.Exists(path))
        {
            return null;
        }

        var record = JsonSerializer.Deserialize<DeliveryRecord>(File.ReadAllText(path), Json);
        File.Delete(path);
        return record;
    }
}
