using System.Globalization;
using Perfolizer.Metrology;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Statistics;

/// <summary>Everything compare prints: matched rows, IDs on one side only, and environment warnings.</summary>
public sealed record ComparisonResult(
    ResultSet Base,
    ResultSet New,
    ComparisonOptions Options,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> OnlyInBase,
    IReadOnlyList<string> OnlyInNew,
    IReadOnlyList<string> Warnings)
{
    /// <summary>Counters that differ between base and new (failing or within their tolerance).</summary>
    public IReadOnlyList<CounterChange> CounterChanges { get; init; } = [];

    /// <summary>Rows of the new results whose counted sends contradict their "Send path" label.</summary>
    public IReadOnlyList<string> SendPathMismatches { get; init; } = [];

    /// <summary>Whether the rows were judged on per-round medians (an A/B gate) rather than raw measurements.</summary>
    public bool JudgedByRound => Base.Benchmarks.Any(result => result.RoundMedians.Count >= 2);

    /// <summary>Rounds per side of an A/B gate's confirmation stage (<see cref="ResultComparer.Confirm"/>); 0 when none ran.</summary>
    public int ConfirmationRounds { get; init; }

    /// <summary>
    /// Rows an A/B gate runs again in confirmation rounds: their rounds' medians read at least the threshold slower, or
    /// the screening's test called them Slower. No row fails on its screening time alone: a few rounds a side can
    /// separate by chance when a group of rows lands slow in one process.
    /// </summary>
    public IEnumerable<ComparisonRow> Suspects => JudgedByRound
        ? Rows.Where(row => row.Verdict == Verdict.Slower || row.Ratio >= 1 + Options.RelativeThreshold)
        : [];

    public IEnumerable<ComparisonRow> Regressions => Rows.Where(row => row.Verdict == Verdict.Slower);

    public IEnumerable<CounterChange> FailingCounters => CounterChanges.Where(change => change.Fails);

    /// <summary>Per row: a slower time, a failing counter or a contradicted label anywhere fails the comparison.</summary>
    public bool HasRegression => Regressions.Any() || FailingCounters.Any() || SendPathMismatches.Count > 0;

    /// <summary>The IDs found on one side only, each list under its title; an empty list is left out.</summary>
    public IEnumerable<(string Title, IReadOnlyList<string> Ids)> Unmatched =>
        new[] { ("Only in base", OnlyInBase), ("Only in new", OnlyInNew) }.Where(list => list.Item2.Count > 0);

    public int Count(Verdict verdict) => Rows.Count(row => row.Verdict == verdict);
}

/// <summary>
/// One matched pair: <see cref="Ratio"/> is new time over base time (above 1 = slower), with a 95 %
/// interval built from the two medians' Harrell-Davis intervals.
/// </summary>
public sealed record ComparisonRow(
    string Id,
    string Label,
    double BaseNanoseconds,
    double NewNanoseconds,
    double Ratio,
    double RatioLower,
    double RatioUpper,
    Verdict Verdict,
    string Reason);

/// <summary>What the statistics say about one benchmark pair (new against base).</summary>
public enum Verdict
{
    /// <summary>Not shown to differ by more than the threshold.</summary>
    Same,

    /// <summary>New is faster by more than the threshold, with significance.</summary>
    Faster,

    /// <summary>New is slower by more than the threshold, with significance: a regression.</summary>
    Slower,

    /// <summary>Multimodal or too spread out on either side to judge.</summary>
    Noisy,
}

/// <summary>
/// How a pair is judged. <see cref="Threshold"/> is the smallest change that counts (relative),
/// <see cref="NoiseFloor"/> the smallest absolute change per operation that counts; the larger wins.
/// </summary>
public sealed record ComparisonOptions(Threshold Threshold, Threshold NoiseFloor, double Alpha, double MaxRelativeSpread)
{
    /// <summary>
    /// When the OS reference rows moved as a whole (the machine, not the code), divide every new measurement
    /// by their median ratio before judging, so verdicts are relative to the machine's own speed. The gate does.
    /// </summary>
    public bool AdjustForMachineDrift { get; init; }

    /// <summary>Percentage points a UDP row's delivered share may drop before it fails (A/A spread in docs/gate.md).</summary>
    public double UdpDeliveredTolerance { get; init; } = 1.5;

    /// <summary>
    /// Bytes per batch BenchmarkDotNet's process-wide allocation figure may grow before it fails (A/A spread in docs/gate.md):
    /// the other threads' allocations in an iteration are shared by its batches, and a row of 16 batches per iteration
    /// moved by 6,147 B/batch in an A/A run. The sending thread's own bytes are judged exactly.
    /// </summary>
    public double AllocatedTolerance { get; init; } = 8192;

    /// <summary>
    /// Significance level for A/B verdicts on round medians. Rows of one transport and shape move together from one
    /// process to the next, so a gate judges about ten independent groups per run; why 0.01: docs/gate.md.
    /// </summary>
    public double RoundAlpha { get; init; } = 0.01;

    /// <summary>
    /// Parses user input (threshold "5%", noise floor "200ns", alpha "0.1", max spread "25%"); throws an
    /// <see cref="ArgumentException"/> that quotes the bad value and shows examples.
    /// </summary>
    public static ComparisonOptions Parse(string threshold, string noise, string alpha, string maxSpread)
    {
        double parsedAlpha = double.TryParse(alpha, NumberStyles.Float, CultureInfo.InvariantCulture, out double alphaValue) && alphaValue is > 0 and < 1
            ? alphaValue
            : throw Invalid("alpha", alpha, "0.05, 0.1");
        double spread = maxSpread.EndsWith('%') && double.TryParse(maxSpread.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double spreadValue) && spreadValue > 0
            ? spreadValue
            : throw Invalid("max spread", maxSpread, "25%, 50%");
        string trimmed = threshold.Trim();
        var relative = trimmed.EndsWith('%') && Threshold.TryParse(trimmed, out var parsed) && parsed is not null
            && double.TryParse(trimmed.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double percent) && percent >= 0
            ? parsed
            : throw Invalid("threshold", threshold, "5%, 10%, 2.5%");
        var floor = !noise.Trim().EndsWith('%') && Threshold.TryParse(noise.Trim(), out var parsedFloor) && parsedFloor is not null
            ? parsedFloor
            : throw Invalid("noise floor", noise, "0ns, 200ns, 1us");
        return new ComparisonOptions(relative, floor, parsedAlpha, spread / 100);
    }

    private static ArgumentException Invalid(string what, string value, string examples) => new($"Invalid {what} '{value}'. Examples: {examples}.");

    /// <summary>
    /// The threshold the test applies to this base sample: whichever of the relative threshold and the
    /// noise floor shifts it more. (A combined "5%|200ns" threshold is not used: Perfolizer 0.6.1's
    /// equivalence test does not take the larger of the two.)
    /// </summary>
    public Threshold For(Pragmastat.Sample baseSample) =>
        Math.Abs(NoiseFloor.EffectiveShift(baseSample)) > Math.Abs(Threshold.EffectiveShift(baseSample)) ? NoiseFloor : Threshold;

    /// <summary>The relative threshold as a fraction (0.05 for 5 %).</summary>
    public double RelativeThreshold => double.Parse(Threshold.ToString().TrimEnd('%'), CultureInfo.InvariantCulture) / 100;
}
