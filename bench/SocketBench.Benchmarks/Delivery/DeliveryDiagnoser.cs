using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Delivery;

/// <summary>
/// Turns the ledger a case left behind into its Sends/buffer and Delivered % metrics. A case that
/// left no ledger, or one for another shape, gets no metrics, and the run's final check fails it.
/// </summary>
public sealed class DeliveryDiagnoser : IDiagnoser
{
    public static DeliveryDiagnoser Default { get; } = new();

    public IEnumerable<string> Ids => ["Delivery"];

    public IEnumerable<IExporter> Exporters => [];

    public IEnumerable<IAnalyser> Analysers => [];

    public RunMode GetRunMode(BenchmarkCase benchmarkCase) => RunMode.NoOverhead;

    public bool RequiresBlockingAcknowledgments(BenchmarkCase benchmarkCase) => false;

    public void Handle(HostSignal signal, DiagnoserActionParameters parameters)
    {
        // A record left by a case that crashed before the host read it must not be credited to the next case.
        if (signal == HostSignal.BeforeProcessStart)
        {
            DeliveryLedger.Take();
        }
    }

    public IEnumerable<Metric> ProcessResults(DiagnoserResults results) => MetricsFor(results.BenchmarkCase, DeliveryLedger.Take());

    /// <summary>The metrics a case gets from the ledger record it left: none when there is no record or it is another case's.</summary>
    public static IEnumerable<Metric> MetricsFor(BenchmarkCase benchmarkCase, DeliveryRecord? record)
    {
        if (record is null || !Matches(record, benchmarkCase))
        {
            yield break;
        }

        // A .NET API row's sends are not counted: it gets no Sends/buffer at all rather than a 0 that reads as a figure.
        if (record.SendsPerBuffer is double sendsPerBuffer)
        {
            yield return new Metric(DeliveryMetrics.SendsPerBuffer, sendsPerBuffer);
        }

        yield return new Metric(DeliveryMetrics.DeliveredPercent, record.DeliveredPercent);
        if (record.SenderBytesPerBatch >= 0)
        {
            yield return new Metric(DeliveryMetrics.SenderBytesPerBatch, record.SenderBytesPerBatch);
        }

        if (record.KernelSends >= 0)
        {
            yield return new Metric(DeliveryMetrics.KernelSendsPerBuffer, record.KernelSendsPerBuffer);
            if (record.CodeSendsInWindow >= 0)
            {
                yield return new Metric(DeliveryMetrics.KernelSendDifference, record.KernelSends - record.CodeSendsInWindow);
            }
        }

        if (record.TlsWrites > 0)
        {
            yield return new Metric(DeliveryMetrics.TlsWritesPerBuffer, record.TlsWritesPerBuffer);
            yield return new Metric(DeliveryMetrics.TlsRecordsPerBuffer, record.TlsRecordsPerBuffer);
        }
    }

    public void DisplayResults(ILogger logger)
    {
    }

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];

    /// <summary>The record is this case's when the shape and the session's protocol are the ones the case declares.</summary>
    private static bool Matches(DeliveryRecord record, BenchmarkCase benchmarkCase) =>
        CaseRecords.Of(benchmarkCase) is { } identity
        && identity.BufferSize == record.BufferSize
        && identity.BufferCount == record.BufferCount
        && (identity.Kind == CaseKind.RoundTrip || identity.Transport.ToString() == record.Transport);
}

/// <summary>
/// The two figures a case's session counts itself. As BenchmarkDotNet metrics they land in the full
/// JSON export beside the timings, where report, compare and gate read them.
/// </summary>
public static class DeliveryMetrics
{
    public static IMetricDescriptor SendsPerBuffer { get; } = new Descriptor(
        "SendsPerBuffer", "Sends/buffer", "Send system calls per buffer, counted by the backend (1 = one kernel transition per buffer); on WinRT, WriteAsync and FlushAsync calls per buffer, its system calls not being visible; absent on .NET API rows, whose sends happen inside .NET and are not counted", "0.000", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>TLS rows only: SslStream.Write calls per buffer (Sends/buffer there counts the socket writes under them).</summary>
    public static IMetricDescriptor TlsWritesPerBuffer { get; } = new Descriptor(
        "TlsWritesPerBuffer", "TLS writes/buffer", "TLS rows: SslStream.Write calls per buffer", "0.000", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>TLS rows only: records on the wire per buffer, read from the record headers.</summary>
    public static IMetricDescriptor TlsRecordsPerBuffer { get; } = new Descriptor(
        "TlsRecordsPerBuffer", "Records/buffer", "TLS rows: TLS records (up to 16 KiB of plaintext each) per buffer", "0.000", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>What the sending thread allocated per batch in steady state: exact, unlike the process-wide Allocated column.</summary>
    public static IMetricDescriptor SenderBytesPerBatch { get; } = new Descriptor(
        "SenderBytesPerBatch", "Sender B/batch", "Bytes the sending thread allocated per batch in its leanest invocation (steady state, delivery wait excluded)", "0", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>The kernel's own count of the sending socket's send system calls per buffer, any thread (perf tracepoints).</summary>
    public static IMetricDescriptor KernelSendsPerBuffer { get; } = new Descriptor(
        "KernelSendsPerBuffer", "Kernel sends/buffer", "Send system calls per buffer on the sending socket, counted by the kernel (syscall tracepoints, every thread of the process) over the case's first, unmeasured invocation; must equal the code's count there", "0.000", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>In the JSON only: kernel-counted minus code-counted sends over the same window; anything but 0 fails the run.</summary>
    public static IMetricDescriptor KernelSendDifference { get; } = new Descriptor(
        "KernelSendDifference", "Kernel - code sends", "Send system calls the kernel counted minus those the code counted over the same window (0 = they agree)", "0", TheGreaterTheBetter: false, ShownAsColumn: false);

    /// <summary>In the JSON only: the table shows it through the Delivered column, which flags loss.</summary>
    public static IMetricDescriptor DeliveredPercent { get; } = new Descriptor(
        "DeliveredPercent", "Delivered %", "Bytes the receiver counted as a percentage of bytes sent, over every invocation of the case", "0.00", TheGreaterTheBetter: true, ShownAsColumn: false);

    private sealed record Descriptor(string Id, string DisplayName, string Legend, string NumberFormat, bool TheGreaterTheBetter, bool ShownAsColumn) : IMetricDescriptor
    {
        public UnitType UnitType => UnitType.Dimensionless;

        public string Unit => string.Empty;

        public int PriorityInCategory => 0;

        public bool GetIsAvailable(Metric metric) => ShownAsColumn;
    }
}
