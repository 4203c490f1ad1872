using System.Globalization;
using System.Text;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Statistics;

namespace SocketBench.Reporting.Writers;

/// <summary>The comparison as GitHub Markdown, for a pull request or <c>$GITHUB_STEP_SUMMARY</c>: summary, regressions first, every row in a fold.</summary>
public static class ComparisonMarkdown
{
    public static IReadOnlyList<string> Header { get; } = ["Benchmark", "Base", "New", "Ratio", "95 % CI", "Verdict"];

    public static string Render(ComparisonResult comparison)
    {
        var text = new StringBuilder();
        MarkdownReport.AppendParagraphs(text, ["## SocketBench comparison", Summary(comparison), Agreement(comparison)]);
        text.AppendLine($"Base: `{comparison.Base.Source}` ({comparison.Base.Caption})  ");
        text.AppendLine($"New: `{comparison.New.Source}` ({comparison.New.Caption})  ");
        text.AppendLine($"Rule: {Rule(comparison)}").AppendLine();
        if (comparison.CounterChanges.Count > 0 || comparison.SendPathMismatches.Count > 0)
        {
            text.AppendLine("### Counters and send paths").AppendLine();
            MarkdownReport.AppendList(text, comparison.CounterChanges.Select(change => $"{(change.Fails ? "**FAIL** " : "")}{change}")
                .Concat(comparison.SendPathMismatches.Select(mismatch => $"**FAIL** send path: {mismatch}")));
        }

        MarkdownReport.AppendWarnings(text, comparison.Warnings);

        bool[] rightAligned = [false, true, true, true, true, false];
        var regressions = comparison.Regressions.ToList();
        if (regressions.Count > 0)
        {
            text.AppendLine("### Regressions").AppendLine();
            MarkdownReport.AppendTable(text, Header, regressions.Select(Cells), rightAligned);
        }

        text.AppendLine("<details><summary>All matched benchmarks</summary>").AppendLine();
        MarkdownReport.AppendTable(text, Header, comparison.Rows.Select(Cells), rightAligned);
        text.AppendLine("</details>").AppendLine();
        foreach (var (title, ids) in comparison.Unmatched)
        {
            text.AppendLine($"### {title} ({ids.Count})").AppendLine();
            MarkdownReport.AppendList(text, ids.Select(id => $"`{id}`"));
        }

        return text.ToString();
    }

    public static string Summary(ComparisonResult comparison) => string.Create(
        CultureInfo.InvariantCulture,
        $"{comparison.Rows.Count} matched: {comparison.Count(Verdict.Slower)} slower, {comparison.Count(Verdict.Faster)} faster, {comparison.Count(Verdict.Same)} same, {comparison.Count(Verdict.Noisy)} noisy; {comparison.OnlyInBase.Count} only in base, {comparison.OnlyInNew.Count} only in new.");

    /// <summary>
    /// How far the two sides agree before any verdict, by the rows' ratios: what an A/A comparison (the same build twice)
    /// shows of the machine's noise, e.g. "Agreement: ratio within ±10 % on 48 of 52 rows (92 %), within ±25 % on 52 (100 %); widest: TCP FlushBatched 64 B × 1, 1.19× apart."
    /// </summary>
    public static string Agreement(ComparisonResult comparison)
    {
        // How far apart each row's two sides are, its ratio as a factor of at least 1 (1.25: one side 25 % above the other),
        // the widest last. Never empty: compare refuses two result sets with no benchmark in common.
        var rows = comparison.Rows.Select(row => (Row: row, Apart: Math.Max(row.Ratio, 1 / row.Ratio))).OrderBy(pair => pair.Apart).ToList();
        string Share(double factor)
        {
            int within = rows.Count(pair => pair.Apart <= factor);
            return string.Create(CultureInfo.InvariantCulture, $"{within} of {rows.Count} rows ({(double)within / rows.Count:P0})");
        }

        var (widest, apart) = rows[^1];
        return string.Create(CultureInfo.InvariantCulture, $"Agreement: ratio within ±10 % on {Share(1.10)}, within ±25 % on {Share(1.25)}; widest: {widest.Label}, {apart:0.00}× apart.");
    }

    public static string Rule(ComparisonResult comparison) => comparison.JudgedByRound
        ? string.Create(CultureInfo.InvariantCulture,
            $"Counters first (exact, or within their A/A tolerances), then time: Mann-Whitney equivalence test (Perfolizer) on each round's median (one value per process and side), threshold {comparison.Options.Threshold} or the row's own spread if larger, alpha {comparison.Options.RoundAlpha}{(comparison.ConfirmationRounds > 0 ? $"; rows that read {comparison.Options.Threshold} or more slower ran again, alone, in up to {comparison.ConfirmationRounds} confirmation rounds and are judged on those, pair by pair (Wilcoxon signed-rank) and as two samples (Mann-Whitney), stopping once no later round could confirm them" : "")}; every row judged, any one fails.")
        : string.Create(CultureInfo.InvariantCulture,
            $"Counters first (exact, or within their A/A tolerances), then time: Mann-Whitney equivalence test (Perfolizer) on the raw measurements, threshold {comparison.Options.Threshold} with a noise floor of {comparison.Options.NoiseFloor} per operation, alpha {comparison.Options.Alpha}; Noisy = m-value ≥ 3.2 or relative spread above {comparison.Options.MaxRelativeSpread:P0} (not judged on time).");

    public static IReadOnlyList<string> Cells(ComparisonRow row) =>
    [
        row.Label,
        Units.Time(row.BaseNanoseconds),
        Units.Time(row.NewNanoseconds),
        Ratio(row.Ratio),
        $"{Ratio(row.RatioLower)} – {Ratio(row.RatioUpper)}",
        row.Reason.Length == 0 ? row.Verdict.ToString() : $"{row.Verdict} ({row.Reason})",
    ];

    public static string Ratio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "?";
}
