namespace SocketBench.Cli.Commands.Ab;

/// <summary>What each A/B round runs: the benchmark program's job and filter, how many rounds, and where the round folders go.</summary>
/// <param name="Output">results/gate-ab/&lt;timestamp&gt; in the new tree; rounds go to base/round-N and new/round-N below it.</param>
internal sealed record AbRunPlan(string Job, string Filter, int Rounds, string Output);
