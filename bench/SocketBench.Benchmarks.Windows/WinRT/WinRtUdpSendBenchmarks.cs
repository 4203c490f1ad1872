using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Benchmarks.Sending;

/// <summary>The guide's strategies on a connected WinRT DatagramSocket over loopback, with the portable UDP matrix.</summary>
[BenchmarkCategory(Categories.Udp)]
public class WinRtUdpSendBenchmarks : WinRtSendBenchmarks
{
    [ParamsSource(nameof(BufferSizes))]
    public int BufferSize { get; set; }

    [ParamsSource(nameof(BufferCounts))]
    public int BufferCount { get; set; }

    public static IEnumerable<int> BufferSizes => PortableValues<UdpSendBenchmarks>(nameof(BufferSize));

    public static IEnumerable<int> BufferCounts => PortableValues<UdpSendBenchmarks>(nameof(BufferCount));

    [GlobalSetup]
    public void Setup() => Open(new BatchShape(Transport.Udp, BufferSize, BufferCount), SessionOptions.Default);
}
