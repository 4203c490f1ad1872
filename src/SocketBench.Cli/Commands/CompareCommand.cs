using System.Globalization;
using SocketBench.Reporting.Charts;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Statistics;
using SocketBench.Reporting.Writers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary><c>socketbench compare &lt;base&gt; &lt;new&gt;</c>: exit 0 no regression, 1 at least one regression, 2 bad input.</summary>
public sealed class CompareCommand(IAnsiConsole console) : Command<CompareSettings>
{
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions(threshold: "5%", noise: "200ns", maxSpread: "25%");
        var comparison = console.Progress().Start(progress =>
        {
            var task = progress.AddTask("Loading base", maxValue: 3);
            var baseSet = ResultLoader.Load(settings.Base);
            task.Increment(1);
            task.Description = "Loading new";
            var newSet = ResultLoader.Load(settings.New);
            task.Increment(1);
            task.Description = "Judging pairs";
            var judged = ResultComparer.Compare(baseSet, newSet, options);
            task.Increment(1);
            return judged;
        });

        return ComparisonPrinter.Print(console, comparison, settings);
    }
}

/// <summary>Prints a comparison (warnings, table, missing IDs, regressions) and writes the Markdown and chart when asked; returns the exit code.</summary>
internal static class ComparisonPrinter
{
    public const int NoRegression = 0;
    public const int Regression = 1;

    /// <summary>Prints the comparison; any slower row, failing counter or contradicted send path is a regression (exit 1).</summary>
    public static int Print(IAnsiConsole console, ComparisonResult comparison, JudgeSettings settings)
    {
        PrintWarnings(console, comparison.Warnings);

        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns([.. ComparisonMarkdown.Header.Select(column => column == "Benchmark" ? new TableColumn(column) : new TableColumn(column).RightAligned())]);

        foreach (var row in comparison.Rows)
        {
            var cells = ComparisonMarkdown.Cells(row).Select(Markup.Escape).ToArray();
            cells[^1] = $"[{Style(row.Verdict)}]{cells[^1]}[/]";
            table.AddRow(cells);
        }

        console.Write(table);
        foreach (var (title, ids) in comparison.Unmatched)
        {
            console.MarkupLine($"[yellow]{title} ({ids.Count}):[/]");
            MarkupLines(console, ids, id => $"  {Markup.Escape(id)}");
        }

        console.WriteLine(ComparisonMarkdown.Rule(comparison));
        console.WriteLine(ComparisonMarkdown.Summary(comparison));
        console.WriteLine(ComparisonMarkdown.Agreement(comparison));

        if (settings.Markdown is { } markdown)
        {
            File.AppendAllText(markdown, ComparisonMarkdown.Render(comparison));
            console.MarkupLine($"Markdown: {Markup.Escape(Path.GetFullPath(markdown))}");
        }

        if (settings.Chart is { } chartPath)
        {
            string stem = Path.ChangeExtension(chartPath, null);
            var chart = RatioChart.Build(comparison) with { FileStem = Path.GetFileName(stem) };
            var saved = ChartStyle.Save(chart, Path.GetDirectoryName(Path.GetFullPath(stem))!, height: RatioChart.HeightFor(comparison));
            console.MarkupLine($"Chart: {Markup.Escape(saved.Png)} (and .svg)");
        }

        MarkupLines(console, comparison.CounterChanges, change => $"[{(change.Fails ? "red" : "yellow")}]counter:[/] {Markup.Escape(change.ToString())}");
        MarkupLines(console, comparison.SendPathMismatches, mismatch => $"[red]send path:[/] {Markup.Escape(mismatch)}");
        if (!comparison.HasRegression)
        {
            console.MarkupLine("[green]No regression.[/]");
            return NoRegression;
        }

        console.MarkupLine(string.Create(CultureInfo.InvariantCulture,
            $"[red]Regression: {comparison.Regressions.Count()} slower row(s), {comparison.FailingCounters.Count()} failing counter(s), {comparison.SendPathMismatches.Count} contradicted send path(s).[/]"));
        MarkupLines(console, comparison.Regressions, row => $"  [red]{Markup.Escape(row.Label)}: {Markup.Escape(ComparisonMarkdown.Ratio(row.Ratio))} slower[/] ({Markup.Escape(row.Id)})");
        return Regression;
    }

    /// <summary>Warnings about the results, one line each; report prints its own the same way.</summary>
    public static void PrintWarnings(IAnsiConsole console, IEnumerable<string> warnings) =>
        MarkupLines(console, warnings, warning => $"[yellow]warning:[/] {Markup.Escape(warning)}");

    private static void MarkupLines<T>(IAnsiConsole console, IEnumerable<T> items, Func<T, string> markup)
    {
        foreach (var item in items)
        {
            console.MarkupLine(markup(item));
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
