using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Core.Batches;
using SocketBench.Core.Peers;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.DotNet;
using SocketBench.Sockets.Loopback;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Outputs;
using SocketBench.Sockets.Remote;

namespace SocketBench.Benchmarks.Sending;

/// <summary>
/// What every portable send benchmark shares: one loopback session per case (opened in
/// <c>GlobalSetup</c>, reused by every invocation), the guide's strategies run for a number of batches
/// and closed by the wait for delivery, and the ledger written at cleanup.
/// </summary>
/// <remarks>
/// One benchmark operation is one batch. An invocation sends its batches back to back (steady state,
/// no handshake between them) and returns only once the receiver has everything it sent, so delivery
/// is inside the measured time.
/// </remarks>
public abstract class LoopbackBenchmarks
{
    private LoopbackSession? _session;
    private long _fewestSenderBytes = long.MaxValue;
    private long _senderBatches;

    protected LoopbackSession Session => _session ?? throw new InvalidOperationException("GlobalSetup has not run.");

    protected QueuedSendOutput Output => Session.Output;

    protected IReadOnlyList<PinnedBuffer> Buffers => Session.Buffers;

    /// <summary>
    /// Opens the session, on loopback or against the --peer the host passed down; an impossible shape throws here,
    /// so BenchmarkDotNet reports the case as failed instead of measuring it.
    /// </summary>
    protected void Open(BatchShape shape, bool noDelay = true) =>
        Use(PeerAddress.FromEnvironment() is { } peer ? RemoteSessions.Open(shape, peer, Options(noDelay)) : LoopbackSession.Open(shape, Options(noDelay)));

    /// <summary>Opens a TLS 1.3 session over a TCP loopback pair.</summary>
    protected void OpenTls(BatchShape shape) => Use(LoopbackSession.OpenTls(shape, Options(noDelay: true)));

    /// <summary>The run's receiver setting; in spin mode the benchmark thread (GlobalSetup's, which runs the workload too) takes CPU 0.</summary>
    private static LoopbackOptions Options(bool noDelay)
    {
        var receiver = RunEnvironment.Receiver;
        if (receiver == ReceiverMode.Spin)
        {
            CpuAffinity.PinCurrentThread(CpuAffinity.SenderCpu);
        }
        else
        {
            CpuAffinity.UnpinCurrentThread();
        }

        return new LoopbackOptions(noDelay, Receiver: receiver);
    }

    private void Use(LoopbackSession session)
    {
        _session = session;
        _fewestSenderBytes = long.MaxValue;
    }

    /// <summary>Starts counting what the sending thread allocates over one invocation's batches (delivery wait excluded).</summary>
    protected static (int Thread, long Bytes) StartCounting() => (Environment.CurrentManagedThreadId, GC.GetAllocatedBytesForCurrentThread());

    /// <summary>
    /// Keeps the fewest bytes any invocation allocated: the steady state, exact to the byte, with the first
    /// invocations' one-off costs (JIT, statics) left out. An invocation that ended on another thread is not counted.
    /// </summary>
    protected void StopCounting((int Thread, long Bytes) start, int batches)
    {
        if (Environment.CurrentManagedThreadId == start.Thread)
        {
            long bytes = GC.GetAllocatedBytesForCurrentThread() - start.Bytes;
            if (bytes < _fewestSenderBytes)
            {
                _fewestSenderBytes = bytes;
                _senderBatches = batches;
            }
        }
    }

    protected async Task PerBufferAwaitBatches(int batches)
    {
        var counting = StartCounting();
        for (int batch = 0; batch < batches; batch++)
        {
            await SendStrategies.PerBufferAwait(Output, Buffers);
        }

        StopCounting(counting, batches);
        Session.WaitForDelivery();
    }

    protected void TaskWaitAllBatches(int batches)
    {
        var counting = StartCounting();
        for (int batch = 0; batch < batches; batch++)
        {
            SendStrategies.TaskWaitAll(Output, Buffers);
        }

        StopCounting(counting, batches);
        Session.WaitForDelivery();
    }

    protected async Task FlushBatchedBatches(int batches)
    {
        var counting = StartCounting();
        for (int batch = 0; batch < batches; batch++)
        {
            await SendStrategies.FlushBatched(Output, Buffers);
        }

        StopCounting(counting, batches);
        Session.WaitForDelivery();
    }

    /// <summary>The .NET API rows: batches through one of .NET's own send APIs, closed by the same wait for delivery.</summary>
    protected async Task DotNetApiBatches(DotNetApi api, int batches)
    {
        var counting = StartCounting();
        for (int batch = 0; batch < batches; batch++)
        {
            await Session.SendBatchAsync(api);
        }

        StopCounting(counting, batches);
        Session.WaitForDelivery();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (_session is null)
        {
            return;
        }

        double senderBytesPerBatch = _fewestSenderBytes == long.MaxValue ? -1 : (double)_fewestSenderBytes / _senderBatches;
        DeliveryLedger.Record(DeliveryRecord.From(_session) with { SenderBytesPerBatch = senderBytesPerBatch });
        _session.Dispose();
        _session = null;
    }
}
