using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Loading;

/// <summary>
/// Reads one BenchmarkDotNet full JSON file into typed records. Only the workload's actual iterations count as
/// measurements; what each case is comes from the run record (the caseOf lookup), and a case it does not know
/// is listed in Unrecorded rather than guessed from its name.
/// </summary>
internal static class ExportReader
{
    private static readonly JsonSerializerOptions Json = new()
    {
        // BenchmarkDotNet writes NaN for a statistic it could not compute (e.g. a one-sample interval).
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals | JsonNumberHandling.AllowReadingFromString,
    };

    private const string Hint = "Export with JsonExporter.Full, e.g. scripts/bench --job quick";

    public static (HostInfo Host, IReadOnlyList<BenchmarkResult> Benchmarks, IReadOnlyList<string> Unrecorded) Read(string file, Func<string, CaseRecord?> caseOf)
    {
        var export = ReadJson<Export>(file, Json, "a BenchmarkDotNet full JSON export", Hint,
            "\"HostEnvironmentInfo\" and \"Benchmarks\"", read => read.HostEnvironmentInfo is not null && read.Benchmarks is not null);
        var named = export.Benchmarks!.Where(benchmark => benchmark.FullName is not null).Select(benchmark => (Benchmark: benchmark, Case: caseOf(benchmark.FullName!))).ToList();
        var unrecorded = named.Where(pair => pair.Case is null).Select(pair => pair.Benchmark.FullName!).ToList();
        var results = named.Where(pair => pair.Case is not null).Select(pair => Result(pair.Benchmark, pair.Case!)).OfType<BenchmarkResult>().ToList();

        if (results.Count == 0)
        {
            throw new ResultInputException(unrecorded.Count > 0
                ? string.Create(CultureInfo.InvariantCulture, $"'{file}': none of its {unrecorded.Count} case(s) is in the {RunRecord.FileName} beside it (the two come from different runs, e.g. {unrecorded[0]}). Re-run, e.g. scripts/bench --job quick")
                : $"'{file}': no benchmark with measurements (a brief JSON export, or every case failed). {Hint}");
        }

        return (export.HostEnvironmentInfo!, results, unrecorded);
    }

    /// <summary>"BufferSize=64&amp;BufferCount=16&amp;NoDelay=True" into its pairs, in order.</summary>
    internal static IReadOnlyDictionary<string, string> ParseParameters(string? text) =>
        (text ?? "").Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
            .GroupBy(parts => parts[0], StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Last().ElementAtOrDefault(1) ?? "", StringComparer.Ordinal);

    /// <summary>
    /// Reads a JSON file into <typeparamref name="T"/>; anything wrong with it is one line naming the file: not
    /// <paramref name="expected"/> (with <paramref name="hint"/>) when of another shape or when it lacks
    /// <paramref name="required"/> (<paramref name="complete"/> says whether it has it), corrupt JSON, or unreadable.
    /// </summary>
    internal static T ReadJson<T>(string file, JsonSerializerOptions options, string expected, string hint, string required, Func<T, bool> complete)
    {
        try
        {
            using var stream = File.OpenRead(file);
            var value = JsonSerializer.Deserialize<T>(stream, options);
            return value is not null && complete(value) ? value : throw new ResultInputException($"'{file}': not {expected} (no {required}). {hint}");
        }
        catch (JsonException error) when (error.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            // Well-formed JSON of another shape: say what was expected, not the reader's type names.
            throw new ResultInputException($"'{file}': not {expected} (unexpected value at {error.Path ?? "$"}). {hint}");
        }
        catch (JsonException error)
        {
            string where = error.LineNumber is long line ? string.Create(CultureInfo.InvariantCulture, $" at line {line + 1}") : "";
            throw new ResultInputException($"'{file}': corrupt or truncated JSON{where}: {error.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.')}.");
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            throw new ResultInputException($"'{file}': cannot be read: {error.Message}");
        }
    }

    private static BenchmarkResult? Result(Benchmark benchmark, CaseRecord identity)
    {
        var nanosecondsPerOperation = (benchmark.Measurements ?? [])
            .Where(measurement => measurement is { IterationMode: "Workload", IterationStage: "Actual", Operations: > 0 })
            .Select(measurement => measurement.Nanoseconds / measurement.Operations)
            .ToList();
        if (nanosecondsPerOperation.Count == 0)
        {
            return null;
        }

        double mean = nanosecondsPerOperation.Average();
        var interval = benchmark.Statistics?.ConfidenceInterval is { } bdn && double.IsFinite(bdn.Lower) && double.IsFinite(bdn.Upper)
            ? new MeanInterval(bdn.Mean, Math.Max(0, bdn.Lower), bdn.Upper, "99.9 %")
            : new MeanInterval(mean, mean, mean, "none");
        return new BenchmarkResult(
            benchmark.FullName!,
            identity,
            JobOf(benchmark.DisplayInfo),
            ParseParameters(benchmark.Parameters),
            nanosecondsPerOperation,
            interval,
            benchmark.Statistics?.Percentiles ?? new Dictionary<string, double>(),
            (benchmark.Metrics ?? []).Where(metric => metric.Descriptor?.Id is not null)
                .GroupBy(metric => metric.Descriptor!.Id!).ToDictionary(group => group.Key, group => group.First().Value));
    }

    /// <summary>"TcpSendBenchmarks.FlushBatched: Main(IterationCount=6, ...) [BufferSize=64, ...]" is job "Main".</summary>
    private static string JobOf(string? displayInfo) =>
        displayInfo?.IndexOf(": ", StringComparison.Ordinal) is >= 0 and int colon
            ? (displayInfo[(colon + 2)..] is var rest && rest.IndexOfAny(['(', ' ']) is > 0 and int end ? rest[..end] : rest)
            : "?";

    // The parts of BenchmarkDotNet's full JSON export the reports use; everything else in the file is ignored.
    private sealed record Export(HostInfo? HostEnvironmentInfo, List<Benchmark>? Benchmarks);

    private sealed record Benchmark(string? FullName, string? DisplayInfo, string? Parameters, Statistics? Statistics, List<Measurement>? Measurements, List<Metric>? Metrics);

    private sealed record Statistics(Interval? ConfidenceInterval, Dictionary<string, double>? Percentiles);

    private sealed record Interval(double Mean, double Lower, double Upper);

    private sealed record Measurement(string? IterationMode, string? IterationStage, long Operations, double Nanoseconds);

    private sealed record Metric(double Value, MetricDescriptor? Descriptor);

    private sealed record MetricDescriptor(string? Id);
}
