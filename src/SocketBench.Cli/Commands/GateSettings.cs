using System.ComponentModel;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary>Options of <c>socketbench gate</c>.</summary>
public sealed class GateSettings : JudgeSettings
{
    [CommandOption("--results <DIR>")]
    [Description("Judge these results instead of running the quick job (e.g. results/ci from CI's quick run).")]
    public string? Results { get; init; }

    [CommandOption("--baseline <DIR>")]
    [Description("Baseline folder (default: results/baselines/<os>-<arch> in the repository).")]
    public string? Baseline { get; init; }

    [CommandOption("--update-baseline")]
    [Description("Accept the results as the new baseline instead of judging them.")]
    public bool UpdateBaseline { get; init; }

    [CommandOption("--no-drift-adjustment")]
    [Description("Judge raw times even when the OS reference rows show the whole machine ran slower or faster than the baseline (by default the new times are divided by that drift first).")]
    public bool NoDriftAdjustment { get; init; }

    [CommandOption("--filter <GLOB>")]
    [Description("Benchmarks the quick job runs (BenchmarkDotNet --filter); ignored with --results.")]
    [DefaultValue("*")]
    public string Filter { get; init; } = "*";
}
