namespace SocketBench.Reporting.Statistics;

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
    string Reason)
{
    /// <summary>An OS reference row (raw system calls, no SocketBench code): a control for the machine's speed, not a place a code change shows.</summary>
    public bool IsOsReference { get; init; }
}
