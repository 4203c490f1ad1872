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

/// <summary>
/// One matched pair: <see cref="Ratio"/> is new time over base time (above 1 = slower), with a 95 %
/// interval built from the two medians' Harrell-Davis intervals.
/// </summary>
public sealed record ComparisonRow(
    string Id,
    string Label,
    double BaseNanoseconds,
    double NewNanoseconds,
    double Ratio,
    double RatioLower,
    double RatioUpper,
    Verdict Verdict,
    string Reason);

/// <summary>What the statistics say about one benchmark pair (new against base).</summary>
public enum Verdict
{
    /// <summary>Not shown to differ by more than the threshold.</summary>
    Same,

    /// <summary>New is faster by more than the threshold, with significance.</summary>
    Faster,

    /// <summary>New is slower by more than the threshold, with significance: a regression.</summary>
    Slower,

    /// <summary>Multimodal or too spread out on either side to judge.</summary>
    Noisy,
}
