using SocketBench.Reporting.Charts;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Statistics;
using SocketBench.Reporting.Writers;
using Spectre.Console;

namespace SocketBench.Cli.Commands;

/// <summary>Prints a comparison (warnings, table, missing IDs, regressions) and writes the Markdown and chart when asked; returns the exit code.</summary>
internal static class ComparisonPrinter
{
    public const int NoRegression = 0;
    public const int Regression = 1;

    /// <summary>
    /// With a share rule, the fewest slower rows that can fail the gate: when most rows are Noisy, two
    /// slower rows out of three judged are a large share of very little evidence.
    /// </summary>
    public const int MinSlowerRowsForShareRule = 3;

    /// <param name="minRegressedShare">Fail only when the slower rows are at least this share of the judged (not Noisy) rows; 0 = any slower row fails.</param>
    public static int Print(IAnsiConsole console, ComparisonResult comparison, JudgeSettings settings, double minRegressedShare = 0)
    {
        foreach (string warning in comparison.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Markup.Escape(warning)}");
        }

        var table = new Table().Border(TableBorder.Rounded);
        foreach (string column in ComparisonMarkdown.Header)
        {
            table.AddColumn(column == "Benchmark" ? new TableColumn(column) : new TableColumn(column).RightAligned());
        }

        foreach (var row in comparison.Rows)
        {
            var cells = ComparisonMarkdown.Cells(row).Select(Markup.Escape).ToArray();
            cells[0] = Markup.Escape(BenchmarkLabel.Short(row.Id));
            cells[^1] = $"[{Style(row.Verdict)}]{cells[^1]}[/]";
            table.AddRow(cells);
        }

        console.Write(table);
        PrintMissing(console, "Only in base", comparison.OnlyInBase);
        PrintMissing(console, "Only in new", comparison.OnlyInNew);
        console.WriteLine(ComparisonMarkdown.Rule(comparison.Options));
        console.WriteLine(ComparisonMarkdown.Summary(comparison));

        if (settings.Markdown is { } markdown)
        {
            File.AppendAllText(markdown, ComparisonMarkdown.Render(comparison));
            console.MarkupLine($"Markdown: {Markup.Escape(Path.GetFullPath(markdown))}");
        }

        if (settings.Chart is { } chartPath)
        {
            string stem = Path.ChangeExtension(chartPath, null);
            var chart = RatioChart.Build(comparison) with { FileStem = Path.GetFileName(stem) };
            var (png, _) = ChartStyle.Save(chart, Path.GetDirectoryName(Path.GetFullPath(stem))!, height: RatioChart.HeightFor(comparison));
            console.MarkupLine($"Chart: {Markup.Escape(png)} (and .svg)");
        }

        var regressions = comparison.Regressions.ToList();
        if (regressions.Count == 0)
        {
            console.MarkupLine("[green]No regression.[/]");
            return NoRegression;
        }

        // The share rule counts the rows SocketBench's code runs in: the OS reference rows are the machine's
        // control (a code change cannot slow a raw system call), listed when slower but never the reason to fail.
        var counted = minRegressedShare == 0 ? comparison.Rows : comparison.Rows.Where(row => !row.IsOsReference).ToList();
        int judged = counted.Count(row => row.Verdict != Verdict.Noisy);
        int slower = counted.Count(row => row.Verdict == Verdict.Slower);
        double share = judged == 0 ? 0 : (double)slower / judged;
        bool fails = slower > 0 && share >= minRegressedShare && (minRegressedShare == 0 || slower >= MinSlowerRowsForShareRule);
        string color = fails ? "red" : "yellow";
        string of = minRegressedShare == 0 ? $"{judged} judged rows" : $"{judged} judged rows that run SocketBench code";
        console.MarkupLine($"[{color}]{regressions.Count} regression(s) ({slower} counted: {share:P0} of {of}):[/]");
        foreach (var row in regressions)
        {
            console.MarkupLine($"  [{color}]{Markup.Escape(row.Id)}[/] {Markup.Escape(ComparisonMarkdown.Ratio(row.Ratio))}");
        }

        if (!fails)
        {
            console.MarkupLine($"[yellow]Below the gate's rule (at least {minRegressedShare:P0} of judged rows that run SocketBench code, and at least {MinSlowerRowsForShareRule} of them slower): not failing (single cases move this much between runs of the same build here).[/]");
            return NoRegression;
        }

        return Regression;
    }

    private static void PrintMissing(IAnsiConsole console, string title, IReadOnlyList<string> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[yellow]{title} ({ids.Count}):[/]");
        foreach (string id in ids)
        {
            console.MarkupLine($"  {Markup.Escape(id)}");
        }
    }

    private static string Style(Verdict verdict) => verdict switch
    {
        Verdict.Slower => "red",
        Verdict.Faster => "green",
        Verdict.Noisy => "yellow",
        _ => "default",
    };
}
