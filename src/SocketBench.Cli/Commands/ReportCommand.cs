using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Writers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary><c>socketbench report &lt;results&gt;</c>: loads the results, draws every chart that applies and writes the report folder.</summary>
public sealed class ReportCommand(IAnsiConsole console) : Command<ReportSettings>
{
    public override int Execute(CommandContext context, ReportSettings settings, CancellationToken cancellationToken)
    {
        var results = ResultLoader.Load(settings.Results);
        ComparisonPrinter.PrintWarnings(console, results.Warnings);

        var charts = console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn())
            .Start(progress =>
            {
                var task = progress.AddTask("Loading", maxValue: 1);
                return MarkdownReport.Write(results, settings.Out, (step, done) =>
                {
                    task.Description = Markup.Escape(step);
                    task.Value = done;
                });
            });

        console.MarkupLine($"Report of {results.Benchmarks.Count} benchmarks ({charts.Count} charts): [link]{Markup.Escape(Path.GetFullPath(settings.Out))}[/]");
        console.MarkupLine($"  {Markup.Escape(Path.GetFullPath(Path.Combine(settings.Out, MarkdownReport.MarkdownFile)))}");
        console.MarkupLine($"  {Markup.Escape(Path.GetFullPath(Path.Combine(settings.Out, MarkdownReport.HtmlFile)))}");
        return 0;
    }
}
