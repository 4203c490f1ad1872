using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Core.Batches;
using SocketBench.Core.Peers;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Loopback;
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

    protected LoopbackSession Session => _session ?? throw new InvalidOperationException("GlobalSetup has not run.");

    protected QueuedSendOutput Output => Session.Output;

    protected IReadOnlyList<PinnedBuffer> Buffers => Session.Buffers;

    /// <summary>
    /// Opens the session, on loopback or against the --peer the host passed down; an impossible shape throws here,
    /// so BenchmarkDotNet reports the case as failed instead of measuring it.
    /// </summary>
    protected void Open(BatchShape shape, LoopbackOptions options) =>
        Use(PeerAddress.FromEnvironment() is { } peer ? RemoteSessions.Open(shape, peer, options) : LoopbackSession.Open(shape, options));

    /// <summary>Takes a session opened some other way (TLS) as this case's session.</summary>
    protected void Use(LoopbackSession session) => _session = session;

    protected async Task PerBufferAwaitBatches(int batches)
    {
        for (int batch = 0; batch < batches; batch++)
        {
            await SendStrategies.PerBufferAwait(Output, Buffers);
        }

        Session.WaitForDelivery();
    }

    protected void TaskWaitAllBatches(int batches)
    {
        for (int batch = 0; batch < batches; batch++)
        {
            SendStrategies.TaskWaitAll(Output, Buffers);
        }

        Session.WaitForDelivery();
    }

    protected async Task FlushBatchedBatches(int batches)
    {
        for (int batch = 0; batch < batches; batch++)
        {
            await SendStrategies.FlushBatched(Output, Buffers);
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

        DeliveryLedger.Record(DeliveryRecord.From(_session));
        _session.Dispose();
        _session = null;
    }
}
