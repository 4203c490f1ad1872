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
    public IEnumerable<ComparisonRow> Regressions => Rows.Where(row => row.Verdict == Verdict.Slower);

    public int Count(Verdict verdict) => Rows.Count(row => row.Verdict == verdict);
}
