using BenchmarkDotNet.Attributes;

namespace SocketBench.Benchmarks.Sending;

/// <summary>
/// What the .NET API benchmarks share: their two batch shapes. Each transport's class opens its session and declares
/// the APIs it has.
/// </summary>
public abstract class DotNetSendBenchmarks : LoopbackBenchmarks
{
    // Two shapes only, so the quick job stays short. Both below .NET's 4 KiB buffering chunk, where the rows' send paths
    // hold. No BufferCount 1: a batch of one buffer is one send whichever API hands it over, so those rows would not change the answer.
    [Params(64, 1024)]
    public int BufferSize { get; set; }

    [Params(64)]
    public int BufferCount { get; set; }
}
