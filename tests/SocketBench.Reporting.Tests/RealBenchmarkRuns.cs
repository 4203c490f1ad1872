namespace SocketBench.Reporting.Tests;

/// <summary>Tests that run the real benchmark suite: never in parallel with any other test of this assembly.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RealBenchmarkRuns
{
    public const string Name = "Real benchmark runs";
}
