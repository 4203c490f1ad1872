namespace SocketBench.Cli.Commands.Ab;

/// <summary>
/// Which side runs first in each round: base,new / new,base / base,new ... On a shared machine the
/// load drifts over minutes, and a side that always ran first would always get the earlier machine.
/// </summary>
internal static class AbSchedule
{
    /// <param name="round">1-based round number.</param>
    public static IReadOnlyList<AbSide> Order(int round) =>
        round % 2 == 1 ? [AbSide.Base, AbSide.New] : [AbSide.New, AbSide.Base];
}
