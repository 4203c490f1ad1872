using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Running;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;

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
    IReadOnlyList<LimitRun> Measurements)
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

/// <summary>A limit tool as found on PATH: where it is and its version, or why it cannot be used.</summary>
public sealed record LimitTool(string Name, string? Path, string? Version, string? Reason)
{
    public const string InstallHint = "install with scripts/install-limit-tools.sh";

    public bool Available => Path is not null && Reason is null;

    /// <summary>The command line a run of this tool records: its name and the client's arguments.</summary>
    public string Command(IEnumerable<string> arguments) => Name + " " + string.Join(' ', arguments);

    /// <summary>A rate this tool reported.</summary>
    public LimitRun Rate(string command, LimitCase limit, ToolRate rate, string side) =>
        new(Name, Version!, command, limit.Transport.ToString().ToUpperInvariant(), limit.BytesPerSendCall, limit.NoDelay, LimitRun.Measured, rate.BitsPerSecond / 1e9, rate.DatagramsPerSecond, rate.LossPercent, side, null, DateTime.UtcNow);

    /// <summary>A run of this tool that failed, with its one-line reason.</summary>
    public LimitRun Failure(string command, LimitCase limit, string reason) =>
        new(Name, Version!, command, limit.Transport.ToString().ToUpperInvariant(), limit.BytesPerSendCall, limit.NoDelay, LimitRun.Failed, null, null, null, null, reason, DateTime.UtcNow);

    /// <summary>Looks the tool up on <paramref name="pathVariable"/> (a PATH value) and asks it for its version.</summary>
    public static LimitTool Find(string name, string? pathVariable)
    {
        string? path = (pathVariable ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => System.IO.Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
        if (path is null)
        {
            return new LimitTool(name, null, null, $"{name} is not on PATH ({InstallHint})");
        }

        var run = ToolProcess.Run(path, ["--version"], TimeSpan.FromSeconds(5));
        string? version = VersionIn(run.Output + "\n" + run.Error);
        return version is null
            ? new LimitTool(name, path, null, $"'{path} --version' printed no version: {run.OneLine}")
            : new LimitTool(name, path, version, null);
    }

    /// <summary>"iperf 3.12 (cJSON 1.7.15)" is 3.12; "sockperf, version 3.7-no.git" is 3.7-no.git.</summary>
    internal static string? VersionIn(string text) =>
        text.Split([' ', '\n', '\r', '\t', ','], StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(word => word.Length > 2 && char.IsAsciiDigit(word[0]) && word.Contains('.', StringComparison.Ordinal));
}

/// <summary>
/// One loopback limit to measure: a transport, the bytes per send call, and for TCP whether Nagle is
/// off (TCP_NODELAY, iperf3 <c>-N</c>), so each row meets a tool run that does the same work per call.
/// </summary>
public sealed record LimitCase(Transport Transport, long BytesPerSendCall, bool? NoDelay)
{
    /// <summary>The distinct limits the cases that ran need, TCP first, then by bytes per call.</summary>
    public static IReadOnlyList<LimitCase> For(IEnumerable<BenchmarkCase> cases) =>
        cases.Select(From).OfType<LimitCase>().Distinct()
            .OrderBy(limit => limit.Transport).ThenBy(limit => limit.BytesPerSendCall).ThenByDescending(limit => limit.NoDelay)
            .ToList();

    /// <summary>The limit one send case is compared with, from its case record; null for anything that is not a send case (echo, other types).</summary>
    /// <remarks>TLS rows are held against plain TCP with TCP_NODELAY: no tool measures TLS over loopback.</remarks>
    public static LimitCase? From(BenchmarkCase benchmarkCase) =>
        Config.CaseRecords.Of(benchmarkCase) is { Kind: not CaseKind.RoundTrip } identity
            ? new LimitCase(identity.Transport == CaseTransport.Udp ? Transport.Udp : Transport.Tcp, identity.BytesPerSendCall, identity.NoDelay)
            : null;

    public string Label => string.Create(
        CultureInfo.InvariantCulture,
        $"{Transport.ToString().ToLowerInvariant()} -l {BytesPerSendCall}{(NoDelay == true ? " -N" : "")}");
}
