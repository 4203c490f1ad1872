using System.Globalization;
using Perfolizer.Mathematics.Distributions.ContinuousDistributions;
using Pragmastat;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Loading;

/// <summary>
/// Merges several runs of the same build (the rounds of an A/B gate) into one result set: a benchmark's
/// measurements from every round become one sample, so the judge sees the spread between rounds and not
/// only within one. Metrics, percentiles and parameters come from the first round that has the benchmark.
/// </summary>
internal static class RoundMerge
{
    /// <summary>BenchmarkDotNet's own confidence level, so a merged row reads like a single run's.</summary>
    private const double ConfidenceLevel = 0.999;

    public static ResultSet Merge(IReadOnlyList<ResultSet> rounds, string source)
    {
        // In the order the benchmarks first appear, each with its results in round order.
        var byId = rounds.SelectMany(round => round.Benchmarks).GroupBy(result => result.FullName, StringComparer.Ordinal).Select(group => group.ToList()).ToList();
        var warnings = rounds.SelectMany(round => round.Warnings).Distinct().ToList();
        var hosts = rounds.Select(round => round.Host).Distinct().ToList();
        if (hosts.Count > 1)
        {
            warnings.Add($"The rounds of '{source}' come from different machines or runtimes ({string.Join("; ", hosts.Select(host => host.Caption))}).");
        }

        // A case missing from a round (it failed there) still counts, but its sample is smaller than the others'.
        warnings.AddRange(byId.Where(results => results.Count < rounds.Count)
            .Select(results => string.Create(CultureInfo.InvariantCulture, $"{results[0].FullName} ran in {results.Count} of {rounds.Count} rounds.")));

        // The host, limits, peer and settings are the first round's.
        return rounds[0] with { Source = source, Benchmarks = byId.Select(Combine).ToList(), Files = rounds.SelectMany(round => round.Files).ToList(), Warnings = warnings };
    }

    private static BenchmarkResult Combine(List<BenchmarkResult> results)
    {
        if (results.Count == 1)
        {
            return results[0];
        }

        var values = results.SelectMany(result => result.NanosecondsPerOperation).ToList();
        return results[0] with
        {
            NanosecondsPerOperation = values,
            Interval = Interval(values),
            RoundMedians = results.Select(result => Toolkit.Center(new Sample(result.NanosecondsPerOperation.ToList())).NominalValue).ToList(),
            RoundSpreads = results.Select(result => result.NanosecondsPerOperation.Count >= 2 ? Toolkit.RelSpread(new Sample(result.NanosecondsPerOperation.ToList())).NominalValue : 0).ToList(),
        };
    }

    /// <summary>
    /// Mean ± Student's t × standard error, as BenchmarkDotNet computes a run's interval, over the merged sample: at
    /// least two values, since only a benchmark of two rounds or more is merged, and each round has a measurement.
    /// </summary>
    private static MeanInterval Interval(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double variance = values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1);
        double standardError = Math.Sqrt(variance / values.Count);
        double t = new StudentDistribution(values.Count - 1).Quantile(new Probability(1 - (1 - ConfidenceLevel) / 2));
        return new MeanInterval(mean, Math.Max(0, mean - t * standardError), mean + t * standardError, "99.9 %");
    }
}
