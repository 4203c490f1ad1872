using System.ComponentModel;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary>Options of <c>socketbench report</c>.</summary>
public sealed class ReportSettings : CommandSettings
{
    [CommandArgument(0, "<results>")]
    [Description("BenchmarkDotNet full JSON files, or folders of *-report-full.json (e.g. results/default).")]
    public string[] Results { get; init; } = [];

    [CommandOption("-o|--out <DIR>")]
    [Description("Report folder to write (charts/, report.md, index.html).")]
    [DefaultValue("results/report")]
    public string Out { get; init; } = "results/report";
}
