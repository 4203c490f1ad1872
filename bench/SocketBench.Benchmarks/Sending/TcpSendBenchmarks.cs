using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Benchmarks.Sending;

/// <summary>Send benchmarks on a TCP stream over loopback: the shared rows, plus GatherSend (the batch in one sendmsg).</summary>
[BenchmarkCategory(Categories.Tcp, Categories.Sockets)]
public class TcpSendBenchmarks : SendBenchmarks
{
    [Params(64, 1024, 16384)]
    public int BufferSize { get; set; }

    [Params(1, 16, 64, 256)]
    public int BufferCount { get; set; }

    /// <summary>TCP_NODELAY, on as WinRT's StreamSocketControl.NoDelay is; <c>--nodelay off|both</c> adds Nagle's algorithm.</summary>
    [ParamsSource(nameof(NoDelayValues))]
    public bool NoDelay { get; set; } = true;

    public static IEnumerable<bool> NoDelayValues => RunEnvironment.NoDelayValues;

    private TcpSession Tcp => (TcpSession)Session;

    [GlobalSetup]
    public void Setup() => Open(new BatchShape(Transport.Tcp, BufferSize, BufferCount), NoDelay);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Reference, Categories.LinuxOnly)]
    public void GatherSend() => Batches(BatchesPerInvoke, Tcp.GatherSend);
}
