using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Loopback;

namespace SocketBench.Benchmarks.Sending;

/// <summary>The guide's three strategies and the OS reference rows on a connected UDP socket over loopback; every buffer is one datagram.</summary>
[BenchmarkCategory(Categories.Udp)]
public class UdpSendBenchmarks : SendBenchmarks
{
    [Params(64, 1024, 1472)]
    public int BufferSize { get; set; }

    [Params(1, 16, 64, 256)]
    public int BufferCount { get; set; }

    private UdpLoopbackSession Udp => (UdpLoopbackSession)Session;

    [GlobalSetup]
    public void Setup() => Open(new BatchShape(Transport.Udp, BufferSize, BufferCount), LoopbackOptions.Default);

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
    public void SendMmsg()
    {
        for (int batch = 0; batch < BatchesPerInvoke; batch++)
        {
            Udp.SendMmsg();
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
