namespace SocketBench.Echo.Tests.Support;

/// <summary>
/// Tests that read process-wide counters (allocated bytes, heap size) run alone, after the parallel ones,
/// so other tests' allocations cannot pass or fail them.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SoloCollection
{
    public const string Name = "Process-wide memory measurements";
}
