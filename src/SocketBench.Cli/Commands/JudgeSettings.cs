using System.ComponentModel;
using SocketBench.Reporting.Statistics;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary>How pairs are judged and where the verdicts go; shared by <c>compare</c> and <c>gate</c>.</summary>
public class JudgeSettings : CommandSettings
{
    [CommandOption("--threshold <PERCENT>")]
    [Description("Smallest relative change that counts as Faster or Slower (compare: 5%, gate: 10%).")]
    public string? Threshold { get; init; }

    [CommandOption("--noise <TIME>")]
    [Description("Noise floor: smallest absolute change per operation (per batch) that counts (compare: 200ns, gate: 0ns).")]
    public string? Noise { get; init; }

    [CommandOption("--alpha <P>")]
    [Description("Significance level of the Mann-Whitney test.")]
    [DefaultValue("0.1")]
    public string Alpha { get; init; } = "0.1";

    [CommandOption("--max-spread <PERCENT>")]
    [Description("Rows whose relative spread (either side) is above this are Noisy, not judged (compare: 25%, gate: 25%).")]
    public string? MaxSpread { get; init; }

    [CommandOption("--md <FILE>")]
    [Description("Also append the comparison as GitHub Markdown to FILE, made if missing (e.g. $GITHUB_STEP_SUMMARY, which CI appends to).")]
    public string? Markdown { get; init; }

    [CommandOption("--chart <FILE>")]
    [Description("Also draw the ratio chart: FILE.png and FILE.svg.")]
    public string? Chart { get; init; }

    public ComparisonOptions ToOptions(string threshold, string noise, string maxSpread) =>
        ComparisonOptions.Parse(Threshold ?? threshold, Noise ?? noise, Alpha, MaxSpread ?? maxSpread);
}
