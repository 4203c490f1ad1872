using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Statistics;

/// <summary>Everything compare prints: matched rows, IDs on one side only, and environment warnings.</summary>
public sealed record ComparisonResult(
    ResultSet Base,
    ResultSet New,
    ComparisonOptions Options,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> OnlyInBase,
    IReadOnlyList<string> OnlyInNew,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Counters that differ between base and new (failing or within their tolerance).</summary>
    public IReadOnlyList<CounterChange> CounterChanges { get; init; } = [];

    /// <summary>Rows of the new results whose counted sends contradict their "Send path" label.</summary>
    public IReadOnlyList<string> SendPathMismatches { get; init; } = [];

    /// <summary>Whether the rows were judged on per-round medians (an A/B gate with enough rounds) rather than raw measurements.</summary>
    public bool JudgedByRound => Base.Benchmarks.Any(result => result.RoundMedians.Count >= ResultComparer.MinRounds);

    public IEnumerable<ComparisonRow> Regressions => Rows.Where(row => row.Verdict == Verdict.Slower);

    public IEnumerable<CounterChange> FailingCounters => CounterChanges.Where(change => change.Fails);

    /// <summary>Per row: a slower time, a failing counter or a contradicted label anywhere fails the comparison.</summary>
    public bool HasRegression => Regressions.Any() || FailingCounters.Any() || SendPathMismatches.Count > 0;

    public int Count(Verdict verdict) => Rows.Count(row => row.Verdict == verdict);
}
