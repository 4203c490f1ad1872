using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Loopback;

namespace SocketBench.Benchmarks.Sending;

/// <summary>The guide's three strategies and the OS reference rows on a TCP stream over loopback.</summary>
[BenchmarkCategory(Categories.Tcp)]
public class TcpSendBenchmarks : SendBenchmarks
{
    [Params(64, 1024, 16384)]
    public int BufferSize { get; set; }

    [Params(1, 16, 64, 256)]
    public int BufferCount { get; set; }

    /// <summary>TCP_NODELAY, on as WinRT's StreamSocketControl.NoDelay is; <c>--nodelay off|both</c> adds Nagle's algorithm.</summary>
    [ParamsSource(nameof(NoDelayValues))]
    public bool NoDelay { get; set; } = true;

    public static IEnumerable<bool> NoDelayValues => BenchSwitches.NoDelayValues;

    private TcpLoopbackSession Tcp => (TcpLoopbackSession)Session;

    [GlobalSetup]
    public void Setup() => Open(new BatchShape(Transport.Tcp, BufferSize, BufferCount), new LoopbackOptions(NoDelay));

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
    public void GatherSend()
    {
        for (int batch = 0; batch < BatchesPerInvoke; batch++)
        {
            Tcp.GatherSend();
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
}
