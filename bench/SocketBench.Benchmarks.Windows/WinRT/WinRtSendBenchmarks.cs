using System.Reflection;
using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Sessions;
using SocketBench.WinRT.Loopback;

namespace SocketBench.Benchmarks.Sending;

/// <summary>
/// The guide's three strategies on the WinRT backend, measured as the portable send benchmarks are: one
/// operation is one batch, an invocation sends <see cref="SendBenchmarks.BatchesPerInvoke"/> batches back to
/// back and ends once the receiver has everything. There are no reference rows: WinRT has no raw primitive to
/// compare with, and the portable reference rows run in the same process beside these.
/// </summary>
[BenchmarkCategory(Categories.WinRT)]
public abstract class WinRtSendBenchmarks
{
    private WinRtLoopbackSession? _session;

    private WinRtLoopbackSession Session => _session ?? throw new InvalidOperationException("GlobalSetup has not run.");

    /// <summary>
    /// The parameter values of a portable benchmark class, read from its <c>[Params]</c>: the WinRT classes measure exactly
    /// the portable matrix, and a change to it reaches both backends at once.
    /// </summary>
    protected static IEnumerable<int> PortableValues<TBenchmarks>(string property) =>
        typeof(TBenchmarks).GetProperty(property)!.GetCustomAttribute<ParamsAttribute>()!.Values.Cast<int>();

    /// <summary>Opens the session; an impossible shape throws here, so BenchmarkDotNet reports the case as failed.</summary>
    protected void Open(BatchShape shape, SessionOptions options) => _session = WinRtLoopbackSession.Open(shape, options);

    [Benchmark(Baseline = true, OperationsPerInvoke = SendBenchmarks.BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public Task PerBufferAwait() => BatchesAsync(() => SendStrategies.PerBufferAwait(Session.Output, Session.Buffers));

    [Benchmark(OperationsPerInvoke = SendBenchmarks.BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public void TaskWaitAll()
    {
        for (int batch = 0; batch < SendBenchmarks.BatchesPerInvoke; batch++)
        {
            SendStrategies.TaskWaitAll(Session.Output, Session.Buffers);
        }

        Session.WaitForDelivery();
    }

    [Benchmark(OperationsPerInvoke = SendBenchmarks.BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public Task FlushBatched() => BatchesAsync(() => SendStrategies.FlushBatched(Session.Output, Session.Buffers));

    /// <summary>One invocation of an awaited strategy, as the portable rows run one: the batches back to back, then the wait for delivery.</summary>
    private async Task BatchesAsync(Func<ValueTask> sendBatch)
    {
        for (int batch = 0; batch < SendBenchmarks.BatchesPerInvoke; batch++)
        {
            await sendBatch();
        }

        Session.WaitForDelivery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_session is null)
        {
            return;
        }

        DeliveryLedger.Record(DeliveryRecord.From(_session.Shape, _session.Delivery));
        _session.Dispose();
        _session = null;
    }
}
