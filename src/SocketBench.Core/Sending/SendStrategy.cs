using SocketBench.Core;

namespace SocketBench.Core.Sending;

/// <summary>
/// The guide's three send strategies. The names are benchmark method names too: they are part of
/// every published benchmark ID, so they never change.
/// </summary>
public enum SendStrategy
{
    PerBufferAwait,
    TaskWaitAll,
    FlushBatched,
}

public static class SendStrategyNames
{
    /// <summary>Parses a strategy name (case-insensitive), or throws a one-line error that lists the valid ones.</summary>
    public static SendStrategy Parse(string name)
    {
        if (Enum.TryParse<SendStrategy>(name, ignoreCase: true, out var strategy) && Enum.IsDefined(strategy) && !int.TryParse(name, out _))
        {
            return strategy;
        }

        throw new BatchShapeException(
            $"Unknown send strategy '{name}'. Valid strategies: {string.Join(", ", Enum.GetNames<SendStrategy>())}.");
    }
}
