namespace SocketBench.Reporting.Statistics;

/// <summary>
/// The confirmation stage's test: an A/B gate runs a group's base and new processes back to back in every round, so a
/// round's new/base ratio is measured on one moment of the machine. A slow phase of the host that covers some rounds
/// moves both sides of those rounds; comparing all base rounds with all new rounds (Mann-Whitney) would let it erase the
/// other rounds' evidence, comparing each round's pair does not. Exact one-sided Wilcoxon signed-rank test on the
/// rounds' log ratios, shifted by the change that must be shown (Perfolizer 0.6 has no paired rank test).
/// </summary>
public static class PairedRounds
{
    /// <summary>Pairs it takes to reach alpha 0.01 at all: with 7 the smallest p is 1/128.</summary>
    public const int MinPairs = 7;

    /// <summary>Slower when the rounds' new/base ratios are shown above 1 + <paramref name="needed"/>, Faster when shown below 1 / (1 + needed).</summary>
    public static Verdict Decide(IReadOnlyList<double> baseRounds, IReadOnlyList<double> newRounds, double needed, double alpha)
    {
        var logRatios = baseRounds.Zip(newRounds, (before, after) => Math.Log(after / before)).ToList();
        double margin = Math.Log(1 + needed);
        return UpperTailP(logRatios.Select(ratio => ratio - margin)) < alpha ? Verdict.Slower
            : UpperTailP(logRatios.Select(ratio => -ratio - margin)) < alpha ? Verdict.Faster
            : Verdict.Same;
    }

    /// <summary>
    /// P(W+ ≥ the observed W+) when the differences are symmetric about 0, counted exactly over the 2^n sign patterns:
    /// zero differences are dropped, tied magnitudes share their average rank.
    /// </summary>
    public static double UpperTailP(IEnumerable<double> differences)
    {
        var values = differences.Where(value => value != 0).ToList();
        int count = values.Count;
        if (count == 0)
        {
            return 1;
        }

        // Twice each rank, so that an average of tied ranks stays a whole number.
        var order = Enumerable.Range(0, count).OrderBy(index => Math.Abs(values[index])).ToList();
        var doubledRanks = new int[count];
        for (int first = 0; first < count;)
        {
            int last = first;
            while (last + 1 < count && Math.Abs(values[order[last + 1]]) == Math.Abs(values[order[first]]))
            {
                last++;
            }

            for (int position = first; position <= last; position++)
            {
                doubledRanks[order[position]] = first + last + 2;
            }

            first = last + 1;
        }

        int observed = Enumerable.Range(0, count).Where(index => values[index] > 0).Sum(index => doubledRanks[index]);
        int total = doubledRanks.Sum();
        // ways[s]: how many sign patterns give the positive ranks the (doubled) sum s.
        var ways = new double[total + 1];
        ways[0] = 1;
        foreach (int rank in doubledRanks)
        {
            for (int sum = total; sum >= rank; sum--)
            {
                ways[sum] += ways[sum - rank];
            }
        }

        return ways.Skip(observed).Sum() / Math.Pow(2, count);
    }
}
