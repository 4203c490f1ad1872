using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Benchmarks.Sending;

/// <summary>The guide's strategies on a WinRT StreamSocket over loopback, with the portable TCP matrix.</summary>
[BenchmarkCategory(Categories.Tcp)]
public class WinRtTcpSendBenchmarks : WinRtSendBenchmarks
{
    [ParamsSource(nameof(BufferSizes))]
    public int BufferSize { get; set; }

    [ParamsSource(nameof(BufferCounts))]
    public int BufferCount { get; set; }

    public static IEnumerable<int> BufferSizes => PortableValues<TcpSendBenchmarks>(nameof(BufferSize));

    public static IEnumerable<int> BufferCounts => PortableValues<TcpSendBenchmarks>(nameof(BufferCount));

    /// <summary>StreamSocketControl.NoDelay; <c>--nodelay off|both</c> as on the portable backend.</summary>
    [ParamsSource(nameof(NoDelayValues))]
    public bool NoDelay { get; set; } = true;

    public static IEnumerable<bool> NoDelayValues => RunEnvironment.NoDelayValues;

    [GlobalSetup]
    public void Setup() => Open(new BatchShape(Transport.Tcp, BufferSize, BufferCount), new SessionOptions(NoDelay));
}
