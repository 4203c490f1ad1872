using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
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
/// What the TCP and UDP send benchmarks share: the guide's three strategies and one raw send per
/// buffer, one loopback session per case (opened in <c>GlobalSetup</c>, reused by every
/// invocation), and the ledger written at cleanup. Each transport adds its batched OS primitive.
/// </summary>
/// <remarks>
/// One benchmark operation is one batch. An invocation sends <see cref="BatchesPerInvoke"/> batches
/// back to back (steady state, no handshake between them) and returns only once the receiver has
/// everything it sent, so delivery is inside the measured time.
/// </remarks>
public abstract class SendBenchmarks
{
    /// <summary>Batches per measured invocation: enough that the one wait for the last byte costs little per batch.</summary>
    public const int BatchesPerInvoke = 64;

    private LoopbackSession? _session;

    protected LoopbackSession Session => _session ?? throw new InvalidOperationException("GlobalSetup has not run.");

    protected QueuedSendOutput Output => Session.Output;

    protected IReadOnlyList<PinnedBuffer> Buffers => Session.Buffers;

    /// <summary>
    /// Opens the session, on loopback or against the --peer the host passed down; an impossible shape throws here,
    /// so BenchmarkDotNet reports the case as failed instead of measuring it.
    /// </summary>
    protected void Open(BatchShape shape, LoopbackOptions options) =>
        _session = PeerAddress.FromEnvironment() is { } peer ? RemoteSessions.Open(shape, peer, options) : LoopbackSession.Open(shape, options);

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public async Task PerBufferAwait()
    {
        for (int batch = 0; batch < BatchesPerInvoke; batch++)
        {
            await SendStrategies.PerBufferAwait(Output, Buffers);
        }

        Session.WaitForDelivery();
    }

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public void TaskWaitAll()
    {
        for (int batch = 0; batch < BatchesPerInvoke; batch++)
        {
            SendStrategies.TaskWaitAll(Output, Buffers);
        }

        Session.WaitForDelivery();
    }

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public async Task FlushBatched()
    {
        for (int batch = 0; batch < BatchesPerInvoke; batch++)
        {
            await SendStrategies.FlushBatched(Output, Buffers);
        }

        Session.WaitForDelivery();
    }

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Reference, Categories.LinuxOnly)]
    public void SyscallPerBuffer()
    {
        for (int batch = 0; batch < BatchesPerInvoke; batch++)
        {
            Session.SyscallPerBuffer();
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
