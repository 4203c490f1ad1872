using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets.DotNet;

namespace SocketBench.Benchmarks.Sending;

/// <summary>
/// .NET's own send on a connected UDP socket: one awaited Socket.SendAsync per datagram, beside the guide's strategies
/// and the sendmmsg and GSO reference rows (UdpSendBenchmarks). .NET has no batched datagram send to set beside it.
/// </summary>
[BenchmarkCategory(Categories.Udp, Categories.Sockets)]
public class UdpDotNetSendBenchmarks : DotNetSendBenchmarks
{
    public const int BatchesPerInvoke = SendBenchmarks.BatchesPerInvoke;

    [GlobalSetup]
    public void Setup() => Open(new BatchShape(Transport.Udp, BufferSize, BufferCount));

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task SocketSendAsync() => DotNetApiBatches(DotNetApi.SocketSendAsync, BatchesPerInvoke);
}
