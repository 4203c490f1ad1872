using BenchmarkDotNet.Configs;

namespace SocketBench.Benchmarks.Echo;

/// <summary>Adds the per-request percentile columns to the round-trip benchmarks only.</summary>
public sealed class RoundTripConfig : ManualConfig
{
    public RoundTripConfig() => AddColumn(RoundTripPercentileColumn.P50, RoundTripPercentileColumn.P90, RoundTripPercentileColumn.P99);
}
