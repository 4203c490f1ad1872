using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Loopback;

namespace SocketBench.Benchmarks.Sending;

/// <summary>
/// The guide's three strategies over TLS 1.3 on a TCP loopback pair (TCP_NODELAY on, as the TCP rows'
/// default): every SslStream.Write seals at least one record, so what a strategy batches decides how many
/// records and sends a buffer costs. No reference rows: a raw send would bypass the TLS stream.
/// </summary>
[BenchmarkCategory(Categories.Tls, Categories.Sockets)]
public class TlsSendBenchmarks : LoopbackBenchmarks
{
    /// <summary>
    /// Fewer batches per invocation than the TCP and UDP rows' 64: encryption makes a TLS batch up to ~7 ms
    /// (256 × 16 KiB), and 64 of them made the 27 cases take 40 s in the quick job instead of the 25 s they
    /// may. 16 batches still amortise the final wait for delivery (at 64 B × 16 an invocation is about 1 ms).
    /// </summary>
    public const int BatchesPerInvoke = 16;

    [Params(64, 1024, 16384)]
    public int BufferSize { get; set; }

    // No BufferCount 1: a batch of one buffer is one SslStream.Write whatever the strategy, so those three
    // rows would only measure the same thing three times.
    [Params(16, 64, 256)]
    public int BufferCount { get; set; }

    [GlobalSetup]
    public void Setup() => OpenTls(new BatchShape(Transport.Tcp, BufferSize, BufferCount));

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public Task PerBufferAwait() => PerBufferAwaitBatches(BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public void TaskWaitAll() => TaskWaitAllBatches(BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Strategy)]
    public Task FlushBatched() => FlushBatchedBatches(BatchesPerInvoke);
}
