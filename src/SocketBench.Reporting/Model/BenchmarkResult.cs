using System.Globalization;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;

namespace SocketBench.Reporting.Model;

/// <summary>
/// One benchmark case from a BenchmarkDotNet full JSON export: what it is (its case record from the run
/// record beside the export, which names its method), its parameters, the measured nanoseconds per operation
/// (one operation = one batch of BufferCount buffers) and its metrics.
/// </summary>
public sealed record BenchmarkResult(
    string FullName,
    CaseRecord Case,
    string Job,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<double> NanosecondsPerOperation,
    MeanInterval Interval,
    IReadOnlyDictionary<string, double> Percentiles,
    IReadOnlyDictionary<string, double> Metrics)
{
    public const string SendsPerBufferMetric = "SendsPerBuffer";
    public const string DeliveredPercentMetric = "DeliveredPercent";
    public const string TlsWritesPerBufferMetric = "TlsWritesPerBuffer";
    public const string TlsRecordsPerBufferMetric = "TlsRecordsPerBuffer";
    public const string SenderBytesPerBatchMetric = "SenderBytesPerBatch";
    public const string KernelSendsPerBufferMetric = "KernelSendsPerBuffer";

    /// <summary>BenchmarkDotNet's MemoryDiagnoser: managed bytes allocated per operation by every thread of the process.</summary>
    public const string AllocatedMetric = "Allocated Memory";

    /// <summary>
    /// Rounds of a merged A/B side: each round's (process's) median time per operation. A process is the unit that
    /// repeats (JIT, placement and memory layout are drawn anew each time), so these are what the gate judges.
    /// </summary>
    public IReadOnlyList<double> RoundMedians { get; init; } = [];

    /// <summary>Rounds of a merged A/B side: each round's relative spread of its own iterations (Pragmastat's RelSpread), the noise within one process.</summary>
    public IReadOnlyList<double> RoundSpreads { get; init; } = [];

    /// <summary>"TCP FlushBatched 64 B × 64": the row's name in verdicts.</summary>
    public string Label => Case.Label;

    public string Method => Case.Method;

    /// <summary>A chart series: the method, marked with its backend when that is not the portable one.</summary>
    public string Series => Case.Backend == Backend.Sockets ? Method : $"{Method} ({Case.Backend})";

    public int? BufferSize => IntParameter("BufferSize");

    public int? BufferCount => IntParameter("BufferCount");

    /// <summary>The table a row belongs in: "TCP", "UDP" or "TLS 1.3 over TCP" whatever the backend (so WinRT and portable rows sit side by side), "Echo ..." for round trips.</summary>
    public string Transport => IsEcho ? Case.TransportLabel : Case.Transport switch
    {
        CaseTransport.Tls => TransportLabels.Tls,
        var transport => transport.ToString().ToUpperInvariant(),
    };

    public bool IsEcho => Case.Kind == CaseKind.RoundTrip;

    /// <summary>Send cases have a batch shape; anything else (echo, future types) is reported but not charted as a send.</summary>
    public bool IsSend => !IsEcho && BufferSize is > 0 && BufferCount is > 0;

    public double? Metric(string id) => Metrics.TryGetValue(id, out double value) ? value : null;

    /// <summary>Send calls per buffer as the code counted them, or as the kernel did where the code cannot count (.NET API rows).</summary>
    public double? CountedSendsPerBuffer => Metric(SendsPerBufferMetric) ?? Metric(KernelSendsPerBufferMetric);

    /// <summary>How the counted sends contradict the row's "Send path" label, e.g. a "sendmsg per batch" row that made one send per buffer; null when they agree or nothing was counted.</summary>
    public string? SendPathContradiction => CountedSendsPerBuffer is double counted ? Case.SendPathContradiction(counted) : null;

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

/// <summary>Mean nanoseconds per operation with BenchmarkDotNet's confidence interval (99.9 % by default).</summary>
public readonly record struct MeanInterval(double Mean, double Lower, double Upper, string Level);
