using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Benchmarks.Sending;

/// <summary>Send benchmarks on a connected UDP socket over loopback, one datagram per buffer: the shared rows, plus SendMmsg (the batch in one sendmmsg) and GsoSend (UDP_SEGMENT: the kernel cuts one send into the datagrams).</summary>
[BenchmarkCategory(Categories.Udp, Categories.Sockets)]
public class UdpSendBenchmarks : SendBenchmarks
{
    [Params(64, 1024, 1472)]
    public int BufferSize { get; set; }

    [Params(1, 16, 64, 256)]
    public int BufferCount { get; set; }

    private UdpSession Udp => (UdpSession)Session;

    [GlobalSetup]
    public void Setup() => Open(new BatchShape(Transport.Udp, BufferSize, BufferCount));

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Reference, Categories.LinuxOnly)]
    public void SendMmsg() => Batches(BatchesPerInvoke, Udp.SendMmsg);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.Reference, Categories.LinuxOnly, Categories.UdpGso)]
    public void GsoSend() => Batches(BatchesPerInvoke, Udp.GsoSend);
}
