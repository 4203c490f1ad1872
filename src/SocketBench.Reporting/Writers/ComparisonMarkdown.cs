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
        text.AppendLine("## SocketBench comparison").AppendLine();
        text.AppendLine(Summary(comparison)).AppendLine();
        text.AppendLine($"Base: `{comparison.Base.Source}` ({comparison.Base.Caption})  ");
        text.AppendLine($"New: `{comparison.New.Source}` ({comparison.New.Caption})  ");
        text.AppendLine($"Rule: {Rule(comparison.Options)}").AppendLine();
        foreach (string warning in comparison.Warnings)
        {
            text.AppendLine($"> **Warning:** {warning}").AppendLine();
        }

        bool[] rightAligned = [false, true, true, true, true, false];
        var regressions = comparison.Regressions.ToList();
        if (regressions.Count > 0)
        {
            text.AppendLine("### Regressions").AppendLine();
            MarkdownTable.Append(text, Header, regressions.Select(Cells), rightAligned);
        }

        text.AppendLine("<details><summary>All matched benchmarks</summary>").AppendLine();
        MarkdownTable.Append(text, Header, comparison.Rows.Select(Cells), rightAligned);
        text.AppendLine("</details>").AppendLine();
        AppendMissing(text, "Only in base", comparison.OnlyInBase);
        AppendMissing(text, "Only in new", comparison.OnlyInNew);
        return text.ToString();
    }

    public static string Summary(ComparisonResult comparison) => string.Create(
        CultureInfo.InvariantCulture,
        $"{comparison.Rows.Count} matched: {comparison.Count(Verdict.Slower)} slower, {comparison.Count(Verdict.Faster)} faster, {comparison.Count(Verdict.Same)} same, {comparison.Count(Verdict.Noisy)} noisy; {comparison.OnlyInBase.Count} only in base, {comparison.OnlyInNew.Count} only in new.");

    public static string Rule(ComparisonOptions options) => string.Create(
        CultureInfo.InvariantCulture,
        $"Mann-Whitney equivalence test (Perfolizer) on the raw measurements, threshold {options.Threshold} with a noise floor of {options.NoiseFloor} per operation, alpha {options.Alpha}; Noisy = m-value ≥ 3.2 or relative spread above {options.MaxRelativeSpread:P0}.");

    public static IReadOnlyList<string> Cells(ComparisonRow row) =>
    [
        row.Id,
        Units.Time(row.BaseNanoseconds),
        Units.Time(row.NewNanoseconds),
        Ratio(row.Ratio),
        $"{Ratio(row.RatioLower)} – {Ratio(row.RatioUpper)}",
        row.Reason.Length == 0 ? row.Verdict.ToString() : $"{row.Verdict} ({row.Reason})",
    ];

    public static string Ratio(double ratio) => double.IsFinite(ratio) ? ratio.ToString("0.00", CultureInfo.InvariantCulture) + "×" : "?";

    private static void AppendMissing(StringBuilder text, string title, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        text.AppendLine($"### {title} ({ids.Count})").AppendLine();
        foreach (string id in ids)
        {
            text.AppendLine($"- `{id}`");
        }

        text.AppendLine();
    }
}
