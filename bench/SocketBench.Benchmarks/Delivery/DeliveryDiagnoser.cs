using BenchmarkDotNet.Analysers;
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

    /// <summary>
    /// The metrics a case gets from the ledger record it left: none when there is no record or it is another case's (the
    /// record is this case's when the shape and the session's protocol are the ones the case declares).
    /// </summary>
    public static IEnumerable<Metric> MetricsFor(BenchmarkCase benchmarkCase, DeliveryRecord? record)
    {
        if (record is null || CaseRecords.Of(benchmarkCase) is not { } identity
            || (identity.BufferSize, identity.BufferCount) != (record.BufferSize, record.BufferCount)
            || (identity.Kind != CaseKind.RoundTrip && identity.Transport.ToString() != record.Transport))
        {
            yield break;
        }

        // A .NET API row's sends are not counted: it gets no Sends/buffer at all rather than a 0 that reads as a figure.
        if (record.Delivery.SendsPerBuffer is double sendsPerBuffer)
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

        if (record.Delivery.TlsWrites > 0)
        {
            yield return new Metric(DeliveryMetrics.TlsWritesPerBuffer, record.TlsWritesPerBuffer);
            yield return new Metric(DeliveryMetrics.TlsRecordsPerBuffer, record.TlsRecordsPerBuffer);
        }
    }

    public void DisplayResults(ILogger logger)
    {
    }

    public IEnumerable<ValidationError> Validate(ValidationParameters validationParameters) => [];
}
