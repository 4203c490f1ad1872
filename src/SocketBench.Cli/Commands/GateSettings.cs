using System.ComponentModel;
using System.Globalization;
using SocketBench.Reporting.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary>Options of <c>socketbench gate</c>.</summary>
public sealed class GateSettings : JudgeSettings
{
    [CommandOption("--results <DIR>")]
    [Description("Judge these results (a gate job run: bench --job gate) instead of running the gate job here.")]
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
    [Description("Benchmarks to run (BenchmarkDotNet --filter): the gate job's, or both sides' with --base; ignored with --results.")]
    [DefaultValue("*")]
    public string Filter { get; init; } = "*";

    [CommandOption("--base <REF>")]
    [Description("Same-machine A/B: build this commit (e.g. HEAD~1, origin/main) in a temporary git worktree and judge the working tree against it, both run here in alternating rounds, instead of the committed baseline.")]
    public string? Base { get; init; }

    [CommandOption("--rounds <N>")]
    [Description("With --base: screening rounds of the whole job, base and new alternating which goes first (base,new / new,base / ...); each side's rounds are one sample.")]
    [DefaultValue("3")]
    public string Rounds { get; init; } = "3";

    [CommandOption("--confirm-rounds <N>")]
    [Description("With --base: rounds that re-run only the rows the screening read at least the threshold slower; those rows are judged on these fresh rounds, each round's base and new as a pair (at least 7; 0 judges the screening rounds alone).")]
    [DefaultValue("8")]
    public string ConfirmRounds { get; init; } = "8";

    [CommandOption("--job <NAME>")]
    [Description("With --base: the benchmark program's job for both sides (its --job: gate, quick, default).")]
    [DefaultValue("gate")]
    public string Job { get; init; } = "gate";

    /// <summary>--base's own options, checked only with --base (without it they are not used); the command parses the counts checked here.</summary>
    public override ValidationResult Validate() => Base is null ? ValidationResult.Success() : OptionChecks.FirstError(
        ParseCount(Rounds) is >= 1 ? null : $"Invalid --rounds '{Rounds}': a whole number of rounds, at least 1. Example: --rounds 5.",
        ParseCount(ConfirmRounds) is 0 or >= PairedRounds.MinPairs ? null : string.Create(CultureInfo.InvariantCulture,
            $"Invalid --confirm-rounds '{ConfirmRounds}': 0, or a whole number of rounds from {PairedRounds.MinPairs} (fewer pairs cannot reach the test's alpha). Example: --confirm-rounds 8."),
        ParseCount(ConfirmRounds) == 0 && ParseCount(Rounds) is int rounds && rounds < ResultComparer.MinRounds
            ? string.Create(CultureInfo.InvariantCulture, $"--confirm-rounds 0 judges the screening rounds alone, and --rounds {rounds} cannot reach the test's alpha: give at least {ResultComparer.MinRounds}. Example: --rounds 5 --confirm-rounds 0.")
            : null,
        Job.Length == 0 || Job.StartsWith('-') ? $"Invalid --job '{Job}'. Examples: --job gate, --job quick." : null,
        Results is not null || Baseline is not null || UpdateBaseline
            ? "--base runs both sides here and judges them against each other; it cannot be combined with --results, --baseline or --update-baseline. Example: socketbench gate --base HEAD~1"
            : null);

    private static int? ParseCount(string text) => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) ? count : null;
}
