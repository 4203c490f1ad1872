using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;

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
    /// Fewer batches per invocation than the TCP and UDP rows' 64: encryption makes the largest TLS batches slow
    /// enough that 64 of them would stretch the quick job (docs/tls.md has the timings), and 16 still amortise the
    /// final wait for delivery.
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
