using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Core.Batches;
using SocketBench.Core.Peers;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.DotNet;
using SocketBench.Sockets.Sessions;
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
    private SocketSession? _session;
    private long _fewestSenderBytes = long.MaxValue;
    private long _senderBatches;
    private KernelSendCounter? _kernelCounter;
    private CodeCounts _codeCountsAtOpen;
    private int _invocations;
    private (long Kernel, CodeCounts Code)? _kernelWindow;

    protected SocketSession Session => _session ?? throw new InvalidOperationException("GlobalSetup has not run.");

    protected QueuedSendOutput Output => Session.Output;

    protected IReadOnlyList<PinnedBuffer> Buffers => Session.Buffers;

    /// <summary>
    /// Opens the session, on loopback or against the --peer the host passed down; an impossible shape throws here,
    /// so BenchmarkDotNet reports the case as failed instead of measuring it.
    /// </summary>
    protected void Open(BatchShape shape, bool noDelay = true) =>
        Use(PeerAddress.FromEnvironment() is { } peer ? RemoteSessions.Open(shape, peer, Options(noDelay)) : SocketSession.Open(shape, Options(noDelay)));

    /// <summary>Opens a TLS 1.3 session over a TCP loopback pair.</summary>
    protected void OpenTls(BatchShape shape) => Use(SocketSession.OpenTls(shape, Options(noDelay: true)));

    /// <summary>The run's receiver setting; in inline and spin modes the benchmark thread (GlobalSetup's, which runs the workload too) takes CPU 0.</summary>
    private static SessionOptions Options(bool noDelay)
    {
        var receiver = RunEnvironment.Receiver;
        if (receiver is ReceiverMode.Spin or ReceiverMode.Inline)
        {
            CpuAffinity.PinCurrentThread(CpuAffinity.SenderCpu);
        }
        else
        {
            CpuAffinity.UnpinCurrentThread();
        }

        return new SessionOptions(noDelay, Receiver: receiver);
    }

    private void Use(SocketSession session)
    {
        _session = session;
        _fewestSenderBytes = long.MaxValue;
        _invocations = 0;
        _kernelWindow = null;

        // The kernel counts the sending socket's send calls, from every thread, over the case's first invocation (BenchmarkDotNet's
        // jitting call, never a measured one): while its tracepoints are on, every system call on the machine is slower.
        _kernelCounter = RunEnvironment.KernelCounts ? KernelSendCounter.TryOpen(session.SenderFd, out _) : null;
        _kernelCounter?.Start();
        _codeCountsAtOpen = CodeCounts.Of(session);
    }

    /// <summary>Closes the kernel's window: its count and the code's over the same span; the counter closes off this thread.</summary>
    private void FinishKernelCount(bool closeInBackground)
    {
        if (_kernelCounter is not { } kernel)
        {
            return;
        }

        _kernelWindow = (kernel.Stop().Total, CodeCounts.Of(Session) - _codeCountsAtOpen);
        _kernelCounter = null;
        if (closeInBackground)
        {
            // Closing waits on the kernel for about 0.2 s: not on the benchmark thread, between BenchmarkDotNet's invocations.
            ThreadPool.UnsafeQueueUserWorkItem(static counter => counter.Dispose(), kernel, preferLocal: false);
        }
        else
        {
            kernel.Dispose();
        }
    }

    /// <summary>What the code counted on the sending socket: payload sends, drain markers (also sends), buffers.</summary>
    private readonly record struct CodeCounts(long Sends, long Markers, long Buffers)
    {
        public static CodeCounts Of(SocketSession session) =>
            new(session.Counters.SendCalls + session.Counters.MarkerSends, session.Counters.MarkerSends, session.Counters.Buffers);

        public static CodeCounts operator -(CodeCounts left, CodeCounts right) =>
            new(left.Sends - right.Sends, left.Markers - right.Markers, left.Buffers - right.Buffers);
    }

    /// <summary>
    /// Starts counting what the sending thread allocates over one invocation's batches (delivery wait excluded);
    /// the second invocation first closes the kernel's count of the first.
    /// </summary>
    protected (int Thread, long Bytes) StartCounting()
    {
        if (++_invocations == 2)
        {
            FinishKernelCount(closeInBackground: true);
        }

        return (Environment.CurrentManagedThreadId, GC.GetAllocatedBytesForCurrentThread());
    }

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

    protected Task PerBufferAwaitBatches(int batches) => BatchesAsync(batches, () => SendStrategies.PerBufferAwait(Output, Buffers));

    protected void TaskWaitAllBatches(int batches) => Batches(batches, () => SendStrategies.TaskWaitAll(Output, Buffers));

    protected Task FlushBatchedBatches(int batches) => BatchesAsync(batches, () => SendStrategies.FlushBatched(Output, Buffers));

    /// <summary>The .NET API rows: batches through one of .NET's own send APIs, closed by the same wait for delivery.</summary>
    protected Task DotNetApiBatches(DotNetApi api, int batches) => BatchesAsync(batches, () => Session.SendBatchAsync(api));

    /// <summary>
    /// One measured invocation: the batches back to back (each followed by the inline receiver's turn, when it has one),
    /// then the wait for delivery. The delegate is made before counting starts, so its allocation is not the method's.
    /// </summary>
    protected void Batches(int batches, Action sendBatch)
    {
        var counting = StartCounting();
        for (int batch = 0; batch < batches; batch++)
        {
            sendBatch();
            Session.AfterBatch();
        }

        StopCounting(counting, batches);
        Session.WaitForDelivery();
    }

    /// <inheritdoc cref="Batches"/>
    protected async Task BatchesAsync(int batches, Func<ValueTask> sendBatch)
    {
        var counting = StartCounting();
        for (int batch = 0; batch < batches; batch++)
        {
            await sendBatch();
            Session.AfterBatch();
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
        var record = DeliveryRecord.From(_session) with { SenderBytesPerBatch = senderBytesPerBatch };
        FinishKernelCount(closeInBackground: false);
        if (_kernelWindow is var (kernelSends, code))
        {
            // A .NET API row sends inside .NET: the kernel's count is then the only one, with nothing to hold it against.
            long codeSends = _session.Counters.SendsInsideDotNet ? -1 : code.Sends;
            record = record with { KernelSends = kernelSends, CodeSendsInWindow = codeSends, MarkerSendsInWindow = code.Markers, BuffersInWindow = code.Buffers };
        }

        DeliveryLedger.Record(record);
        _session.Dispose();
        _session = null;
    }
}

/// <summary>
/// What the TCP and UDP send benchmarks share: the guide's three strategies and one raw send per
/// buffer. Each transport adds its batched OS primitive.
/// </summary>
public abstract class SendBenchmarks : LoopbackBenchmarks
{
    /// <summary>Batches per measured invocation: enough that the one wait for the last byte costs little per batch.</summary>
    public const int BatchesPerInvoke = 64;

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public Task PerBufferAwait() => PerBufferAwaitBatches(BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public void TaskWaitAll() => TaskWaitAllBatches(BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public Task FlushBatched() => FlushBatchedBatches(BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Reference, Categories.LinuxOnly)]
    public void SyscallPerBuffer() => Batches(BatchesPerInvoke, Session.SyscallPerBuffer);
}
