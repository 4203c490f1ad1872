using System.ComponentModel;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

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
