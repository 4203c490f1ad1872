using System.Globalization;
using Perfolizer.Metrology;

namespace SocketBench.Reporting.Statistics;

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
    public double UdpDeliveredTolerance { get; init; } = DefaultUdpDeliveredTolerance;

    /// <summary>Bytes per batch BenchmarkDotNet's process-wide allocation figure may grow before it fails (A/A spread in docs/gate.md).</summary>
    public double AllocatedTolerance { get; init; } = DefaultAllocatedTolerance;

    /// <summary>
    /// Significance level for A/B verdicts on round medians. Rows of one transport and shape move together from one
    /// process to the next, so a gate judges about ten independent groups per run: 0.01 with 5 rounds a side (the
    /// smallest p-value is 0.004) keeps an A/A failure rare where 0.1 with 3 rounds failed one run in four here.
    /// </summary>
    public double RoundAlpha { get; init; } = DefaultRoundAlpha;

    public const double DefaultRoundAlpha = 0.01;

    public const double DefaultUdpDeliveredTolerance = 1.5;

    public const double DefaultAllocatedTolerance = 1024;

    /// <summary>
    /// The defaults: a 5 % threshold, a 200 ns noise floor per batch, alpha 0.10 (with the quick job's 3
    /// measurements per side the exact one-sided Mann-Whitney p-value cannot go below 0.05, so a
    /// stricter alpha could never call anything), and rows whose relative spread exceeds 25 % are Noisy.
    /// </summary>
    public static ComparisonOptions Default { get; } = Create("5%", "200ns", 0.10, 0.25);

    /// <summary>Parses user input; throws <see cref="ArgumentException"/> that quotes the bad value and shows examples.</summary>
    public static ComparisonOptions Create(string threshold, string noise, double alpha, double maxRelativeSpread)
    {
        if (alpha is <= 0 or >= 1)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Invalid alpha '{alpha}'. Examples: 0.05, 0.1."));
        }

        return new ComparisonOptions(ParseThreshold(threshold), ParseNoise(noise), alpha, maxRelativeSpread);
    }

    /// <summary>
    /// The threshold the test applies to this base sample: whichever of the relative threshold and the
    /// noise floor shifts it more. (A combined "5%|200ns" threshold is not used: Perfolizer 0.6.1's
    /// equivalence test does not take the larger of the two.)
    /// </summary>
    public Threshold For(Pragmastat.Sample baseSample) =>
        Math.Abs(NoiseFloor.EffectiveShift(baseSample)) > Math.Abs(Threshold.EffectiveShift(baseSample)) ? NoiseFloor : Threshold;

    /// <summary>The relative threshold as a fraction (0.05 for 5 %).</summary>
    public double RelativeThreshold => double.Parse(Threshold.ToString().TrimEnd('%'), CultureInfo.InvariantCulture) / 100;

    public static Threshold ParseThreshold(string text)
    {
        string trimmed = text.Trim();
        if (!trimmed.EndsWith('%') || !Threshold.TryParse(trimmed, out var threshold) || threshold is null
            || !double.TryParse(trimmed.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out double percent) || percent < 0)
        {
            throw new ArgumentException($"Invalid threshold '{text}'. Examples: 5%, 10%, 2.5%.");
        }

        return threshold;
    }

    public static Threshold ParseNoise(string text)
    {
        string trimmed = text.Trim();
        if (trimmed.EndsWith('%') || !Threshold.TryParse(trimmed, out var noise) || noise is null)
        {
            throw new ArgumentException($"Invalid noise floor '{text}'. Examples: 0ns, 200ns, 1us.");
        }

        return noise;
    }
}
