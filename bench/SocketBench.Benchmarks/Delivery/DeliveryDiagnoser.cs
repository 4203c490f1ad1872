using BenchmarkDotNet.Analysers;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Validators;

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

    public IEnumerable<Metric> ProcessResults(DiagnoserResults results)
    {
        var record = DeliveryLedger.Take();
        if (record is null || !Matches(record, results.BenchmarkCase))
        {
            yield break;
        }

        yield return new Metric(DeliveryMetrics.SendsPerBuffer, record.SendsPerBuffer);
        yield return new Metric(DeliveryMetrics.DeliveredPercent, record.DeliveredPercent);
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

    private static bool Matches(DeliveryRecord record, BenchmarkCase benchmarkCase) =>
        Equals(benchmarkCase.Parameters["BufferSize"], record.BufferSize)
        && Equals(benchmarkCase.Parameters["BufferCount"], record.BufferCount)
        && benchmarkCase.Descriptor.Type.Name.StartsWith(record.Transport, StringComparison.Ordinal);
}
