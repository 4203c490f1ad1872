using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;

namespace SocketBench.Benchmarks.Sending;

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
    public void SyscallPerBuffer()
    {
        var counting = StartCounting();
        for (int batch = 0; batch < BatchesPerInvoke; batch++)
        {
            Session.SyscallPerBuffer();
        }

        StopCounting(counting, BatchesPerInvoke);
        Session.WaitForDelivery();
    }
}
