using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets.DotNet;

namespace SocketBench.Benchmarks.Sending;

/// <summary>
/// .NET's own send paths on a TCP stream over loopback, as a .NET developer writes them with default options: what
/// batching buys code that uses NetworkStream, Socket.SendAsync, System.IO.Pipelines or BufferedStream, set beside
/// the guide's strategies and the OS reference rows of the same shapes (TcpSendBenchmarks).
/// </summary>
[BenchmarkCategory(Categories.Tcp, Categories.Sockets)]
public class TcpDotNetSendBenchmarks : DotNetSendBenchmarks
{
    /// <summary>The TCP rows' batches per invocation, so a .NET row and a strategy row of one shape amortise the final wait alike.</summary>
    public const int BatchesPerInvoke = SendBenchmarks.BatchesPerInvoke;

    /// <summary>TCP_NODELAY, as the guide's TCP rows: on unless <c>--nodelay off|both</c>.</summary>
    [ParamsSource(nameof(NoDelayValues))]
    public bool NoDelay { get; set; } = true;

    public static IEnumerable<bool> NoDelayValues => RunEnvironment.NoDelayValues;

    [GlobalSetup]
    public void Setup() => Open(new BatchShape(Transport.Tcp, BufferSize, BufferCount), NoDelay);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task NetworkStreamWriteAsync() => DotNetApiBatches(DotNetApi.NetworkStreamWriteAsync, BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task SocketSendAsyncWaitAll() => DotNetApiBatches(DotNetApi.SocketSendAsyncWaitAll, BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task PipeWriterFlush() => DotNetApiBatches(DotNetApi.PipeWriterFlush, BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task BufferedStreamFlush() => DotNetApiBatches(DotNetApi.BufferedStreamFlush, BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task SocketSendAsyncList() => DotNetApiBatches(DotNetApi.SocketSendAsyncList, BatchesPerInvoke);
}
