using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary><c>socketbench compare &lt;base&gt; &lt;new&gt;</c>: exit 0 no regression, 1 at least one regression, 2 bad input.</summary>
public sealed class CompareCommand(IAnsiConsole console) : Command<CompareSettings>
{
    public const string DefaultThreshold = "5%";
    public const string DefaultNoise = "200ns";
    public const string DefaultMaxSpread = "25%";

    public override int Execute(CommandContext context, CompareSettings settings, CancellationToken cancellationToken)
    {
        var options = settings.ToOptions(DefaultThreshold, DefaultNoise, DefaultMaxSpread);
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
