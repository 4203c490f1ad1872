using System.ComponentModel;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary><c>socketbench compare &lt;base&gt; &lt;new&gt;</c>: exit 0 no regression, 1 at least one regression, 2 bad input.</summary>
public sealed class CompareCommand(IAnsiConsole console) : Command<CompareSettings>
{
    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions(threshold: "5%", noise: "200ns", maxSpread: "25%");
        ResultSet? baseSet = null, newSet = null;
        ComparisonResult? comparison = null;
        console.Progress().Start(progress =>
        {
            var task = progress.AddTask("Loading base", maxValue: 3);
            baseSet = ResultLoader.Load(settings.Base);
            task.Increment(1);
            task.Description = "Loading new";
            newSet = ResultLoader.Load(settings.New);
            task.Increment(1);
            task.Description = "Judging pairs";
            comparison = ResultComparer.Compare(baseSet, newSet, options);
            task.Increment(1);
        });

        return ComparisonPrinter.Print(console, comparison!, settings);
    }
}

/// <summary>Options of <c>socketbench compare</c>; the judging options are shared with <c>gate</c>.</summary>
public sealed class CompareSettings : JudgeSettings
{
    [CommandArgument(0, "<base>")]
    [Description("The reference results: a full JSON file or a folder of them.")]
    public string Base { get; init; } = "";

    [CommandArgument(1, "<new>")]
    [Description("The results to judge against the reference.")]
    public string New { get; init; } = "";
}
