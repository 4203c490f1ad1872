using System.Globalization;
using System.Text.Json;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Loading;

/// <summary>
/// Reads one BenchmarkDotNet full JSON file. Only the workload's actual iterations count as measurements;
/// what each case is comes from the run record (<paramref name="caseOf"/>), and a case it does not know is
/// listed in Unrecorded rather than guessed from its name.
/// </summary>
internal static class ExportReader
{
    public static (HostInfo Host, IReadOnlyList<BenchmarkResult> Benchmarks, IReadOnlyList<string> Unrecorded) Read(string file, Func<string, CaseRecord?> caseOf)
    {
        using var document = Parse(file);
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("Benchmarks", out var benchmarks) || benchmarks.ValueKind != JsonValueKind.Array
            || !root.TryGetProperty("HostEnvironmentInfo", out var hostElement))
        {
            throw new ResultInputException($"'{file}': not a BenchmarkDotNet full JSON export (no \"HostEnvironmentInfo\" and \"Benchmarks\"). Export with JsonExporter.Full, e.g. scripts/bench --job quick");
        }

        var results = new List<BenchmarkResult>();
        var unrecorded = new List<string>();
        foreach (var benchmark in benchmarks.EnumerateArray())
        {
            string? fullName = String(benchmark, "FullName");
            if (fullName is not null && caseOf(fullName) is null)
            {
                unrecorded.Add(fullName);
            }
            else if (ReadBenchmark(benchmark, file, caseOf) is { } result)
            {
                results.Add(result);
            }
        }

        if (results.Count == 0 && unrecorded.Count == 0)
        {
            throw new ResultInputException($"'{file}': no benchmark with measurements (a brief JSON export, or every case failed). Export with JsonExporter.Full, e.g. scripts/bench --job quick");
        }

        return (ReadHost(hostElement), results, unrecorded);
    }

    private static JsonDocument Parse(string file)
    {
        try
        {
            using var stream = File.OpenRead(file);
            return JsonDocument.Parse(stream);
        }
        catch (JsonException error)
        {
            string where = error.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}") : "";
            throw new ResultInputException($"'{file}': corrupt or truncated JSON{where}: {error.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.')}.");
        }
        catch (IOException error)
        {
            throw new ResultInputException($"'{file}': cannot be read: {error.Message}");
        }
        catch (UnauthorizedAccessException error)
        {
            throw new ResultInputException($"'{file}': cannot be read: {error.Message}");
        }
    }

    private static HostInfo ReadHost(JsonElement host) => new(
        String(host, "OsVersion") ?? "unknown OS",
        String(host, "ProcessorName") ?? "unknown CPU",
        host.TryGetProperty("LogicalCoreCount", out var cores) && cores.TryGetInt32(out int count) ? count : 0,
        String(host, "RuntimeVersion") ?? "unknown runtime",
        String(host, "Architecture") ?? "unknown",
        String(host, "BenchmarkDotNetVersion") ?? "?");

    private static BenchmarkResult? ReadBenchmark(JsonElement benchmark, string file, Func<string, CaseRecord?> caseOf)
    {
        string? fullName = String(benchmark, "FullName");
        if (fullName is null || caseOf(fullName) is not { } identity || !benchmark.TryGetProperty("Measurements", out var measurements) || measurements.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var nanosecondsPerOperation = new List<double>();
        foreach (var measurement in measurements.EnumerateArray())
        {
            if (String(measurement, "IterationMode") == "Workload" && String(measurement, "IterationStage") == "Actual"
                && Number(measurement, "Operations") is > 0 and var operations && Number(measurement, "Nanoseconds") is double nanoseconds)
            {
                nanosecondsPerOperation.Add(nanoseconds / operations);
            }
        }

        if (nanosecondsPerOperation.Count == 0)
        {
            return null;
        }

        return new BenchmarkResult(
            fullName,
            identity,
            identity.Method,
            JobOf(String(benchmark, "DisplayInfo")),
            ParseParameters(String(benchmark, "Parameters")),
            nanosecondsPerOperation,
            ReadInterval(benchmark, nanosecondsPerOperation),
            ReadPercentiles(benchmark),
            ReadMetrics(benchmark),
            file);
    }

    /// <summary>"BufferSize=64&amp;BufferCount=16&amp;NoDelay=True" into its pairs, in order.</summary>
    internal static IReadOnlyDictionary<string, string> ParseParameters(string? text)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in (text ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] parts = pair.Split('=', 2);
            parameters[parts[0]] = parts.Length > 1 ? parts[1] : "";
        }

        return parameters;
    }

    /// <summary>"TcpSendBenchmarks.FlushBatched: Main(IterationCount=6, ...) [BufferSize=64, ...]" is job "Main".</summary>
    private static string JobOf(string? displayInfo)
    {
        if (displayInfo is null)
        {
            return "?";
        }

        int colon = displayInfo.IndexOf(": ", StringComparison.Ordinal);
        if (colon < 0)
        {
            return "?";
        }

        string rest = displayInfo[(colon + 2)..];
        int end = rest.IndexOfAny(['(', ' ']);
        return end > 0 ? rest[..end] : rest;
    }

    private static MeanInterval ReadInterval(JsonElement benchmark, List<double> nanosecondsPerOperation)
    {
        double mean = nanosecondsPerOperation.Average();
        if (benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object
            && statistics.TryGetProperty("ConfidenceInterval", out var interval) && interval.ValueKind == JsonValueKind.Object
            && Number(interval, "Mean") is double bdnMean && Number(interval, "Lower") is double lower && Number(interval, "Upper") is double upper
            && double.IsFinite(lower) && double.IsFinite(upper))
        {
            return new MeanInterval(bdnMean, Math.Max(0, lower), upper, "99.9 %");
        }

        return new MeanInterval(mean, mean, mean, "none");
    }

    private static IReadOnlyDictionary<string, double> ReadPercentiles(JsonElement benchmark)
    {
        var percentiles = new Dictionary<string, double>(StringComparer.Ordinal);
        if (benchmark.TryGetProperty("Statistics", out var statistics) && statistics.ValueKind == JsonValueKind.Object
            && statistics.TryGetProperty("Percentiles", out var values) && values.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in values.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Number)
                {
                    percentiles[property.Name] = property.Value.GetDouble();
                }
            }
        }

        return percentiles;
    }

    private static IReadOnlyDictionary<string, double> ReadMetrics(JsonElement benchmark)
    {
        var metrics = new Dictionary<string, double>(StringComparer.Ordinal);
        if (benchmark.TryGetProperty("Metrics", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var metric in list.EnumerateArray())
            {
                if (metric.TryGetProperty("Descriptor", out var descriptor) && String(descriptor, "Id") is string id && Number(metric, "Value") is double value)
                {
                    metrics[id] = value;
                }
            }
        }

        return metrics;
    }

    private static string? String(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static double? Number(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
