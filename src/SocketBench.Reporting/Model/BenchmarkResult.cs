using System.Globalization;
using SocketBench.Core.Cases;

namespace SocketBench.Reporting.Model;

/// <summary>
/// One benchmark case from a BenchmarkDotNet full JSON export: its ID, parameters, the measured
/// nanoseconds per operation (one operation = one batch of BufferCount buffers) and its metrics.
/// </summary>
public sealed record BenchmarkResult(
    string FullName,
    string Type,
    string Method,
    string Job,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<double> NanosecondsPerOperation,
    MeanInterval Interval,
    IReadOnlyDictionary<string, double> Percentiles,
    IReadOnlyDictionary<string, double> Metrics,
    string SourceFile)
{
    public const string SendsPerBufferMetric = "SendsPerBuffer";
    public const string DeliveredPercentMetric = "DeliveredPercent";
    public const string TlsWritesPerBufferMetric = "TlsWritesPerBuffer";
    public const string TlsRecordsPerBufferMetric = "TlsRecordsPerBuffer";
    public const string SenderBytesPerBatchMetric = "SenderBytesPerBatch";

    /// <summary>BenchmarkDotNet's MemoryDiagnoser: managed bytes allocated per operation by every thread of the process.</summary>
    public const string AllocatedMetric = "Allocated Memory";

    /// <summary>
    /// Rounds of a merged A/B side: each round's (process's) median time per operation. A process is the unit that
    /// repeats (JIT, placement and memory layout are drawn anew each time), so these are what the gate judges.
    /// </summary>
    public IReadOnlyList<double> RoundMedians { get; init; } = [];

    /// <summary>What the case is, from the run record written beside the export; null for results that predate it.</summary>
    public CaseRecord? Case { get; init; }

    /// <summary>Whether the row runs no SocketBench strategy code: an OS primitive, the machine's own limit for its shape.</summary>
    public bool IsOsReference => Case is not null
        ? Case.Kind == CaseKind.OsReference
        : Enum.TryParse<Sockets.SendMethod>(Method, out var method) && Sockets.SendMethods.IsOsReference(method);

    /// <summary>"TCP FlushBatched 64 B × 64": the row's name in verdicts.</summary>
    public string Label => Case?.Label ?? $"{Transport} {Method} {ShapeLabel}";

    public int? BufferSize => IntParameter("BufferSize");

    public int? BufferCount => IntParameter("BufferCount");

    /// <summary>"TCP", "UDP" or "TLS 1.3 over TCP" for the send benchmarks, "Echo ..." for round-trip ones, else the type name.</summary>
    public string Transport => Case switch
    {
        { Kind: CaseKind.RoundTrip } identity => identity.TransportLabel,
        { Transport: CaseTransport.Tcp } => TransportLabels.Tcp,
        { Transport: CaseTransport.Udp } => TransportLabels.Udp,
        { Transport: CaseTransport.Tls } => TransportLabels.Tls,
        _ => TransportFromTypeName,
    };

    // Results written before the run record existed name their transport only in the class name.
    private string TransportFromTypeName => Type switch
    {
        _ when IsEcho => Type.Replace("Benchmarks", "", StringComparison.Ordinal),
        _ when Type.StartsWith("Tcp", StringComparison.Ordinal) => TransportLabels.Tcp,
        _ when Type.StartsWith("Udp", StringComparison.Ordinal) => TransportLabels.Udp,
        _ when Type.StartsWith("Tls", StringComparison.Ordinal) => TransportLabels.Tls,
        _ => Type.Replace("Benchmarks", "", StringComparison.Ordinal),
    };

    public bool IsEcho => Case?.Kind == CaseKind.RoundTrip || (Case is null && Type.Contains("Echo", StringComparison.OrdinalIgnoreCase));

    /// <summary>Send cases have a batch shape; anything else (echo, future types) is reported but not charted as a send.</summary>
    public bool IsSend => !IsEcho && BufferSize is > 0 && BufferCount is > 0;

    public double? Metric(string id) => Metrics.TryGetValue(id, out double value) ? value : null;

    public double? NanosecondsPerBuffer => BufferCount is > 0 ? Interval.Mean / BufferCount.Value : null;

    /// <summary>Delivered bits per nanosecond = Gbit/s; data that never arrived does not count.</summary>
    public double? DeliveredGigabitsPerSecond =>
        BufferSize is > 0 && BufferCount is > 0 && Interval.Mean > 0
            ? BufferSize.Value * (double)BufferCount.Value * 8 * (Metric(DeliveredPercentMetric) ?? 100) / 100 / Interval.Mean
            : null;

    /// <summary>Buffers the receiver got per second; lost datagrams do not count.</summary>
    public double? BuffersPerSecond => NanosecondsPerBuffer is > 0 ? 1e9 / NanosecondsPerBuffer.Value * (Metric(DeliveredPercentMetric) ?? 100) / 100 : null;

    /// <summary>"64 B × 16" for charts and tables.</summary>
    public string ShapeLabel => BufferSize is not null && BufferCount is not null
        ? string.Create(CultureInfo.InvariantCulture, $"{Units.Bytes(BufferSize.Value)} × {BufferCount}")
        : string.Join(", ", Parameters.Select(pair => $"{pair.Key}={pair.Value}"));

    private int? IntParameter(string name) =>
        Parameters.TryGetValue(name, out string? text) && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) ? value : null;
}
