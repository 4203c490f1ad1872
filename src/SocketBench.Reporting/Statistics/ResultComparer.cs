using System.Globalization;
using Perfolizer.Horology;
using Perfolizer.Mathematics.Common;
using Perfolizer.Metrology;
using Perfolizer.Mathematics.Multimodality;
using Perfolizer.Mathematics.QuantileEstimators;
using Perfolizer.Mathematics.SignificanceTesting;
using Perfolizer.Mathematics.SignificanceTesting.Base;
using Perfolizer.Mathematics.SignificanceTesting.MannWhitney;
using Pragmastat;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Statistics;

/// <summary>
/// Matches two result sets by full benchmark ID and judges each pair on the raw measurements with
/// Perfolizer: a Mann-Whitney equivalence test against the threshold (never a comparison of means),
/// the m-value for multimodality and the relative spread for instability.
/// </summary>
public static class ResultComparer
{
    /// <summary>Brendan Gregg's rule of thumb, which Perfolizer's m-value follows: 2.4 and above may be multimodal, 3.2 and above is.</summary>
    private const double MultimodalMValue = 3.2;

    private static readonly SimpleEquivalenceTest EquivalenceTest = new(MannWhitneyTest.Instance);

    public static ComparisonResult Compare(ResultSet baseSet, ResultSet newSet, ComparisonOptions options)
    {
        var newById = newSet.Benchmarks.ToDictionary(result => result.FullName, StringComparer.Ordinal);
        var matched = baseSet.Benchmarks.Where(result => newById.ContainsKey(result.FullName)).ToList();
        var referenceRatios = ReferenceRatios(matched, newById);
        double? drift = MachineDrift(referenceRatios);

        // A code change cannot slow the raw system calls; judging against the machine's drift keeps a
        // slower (or faster) machine from reading as a broad regression (or hiding one).
        bool adjust = options.AdjustForMachineDrift && drift is not null;
        var rows = matched.Select(result => Judge(result, newById[result.FullName], options, adjust ? drift!.Value : 1)).ToList();
        if (rows.Count == 0)
        {
            throw new ResultInputException(
                $"'{baseSet.Source}' and '{newSet.Source}' have no benchmark in common " +
                $"(base has {baseSet.Benchmarks.Count}, e.g. {baseSet.Benchmarks[0].FullName}; new has {newSet.Benchmarks.Count}, e.g. {newSet.Benchmarks[0].FullName}).");
        }

        return new ComparisonResult(
            baseSet,
            newSet,
            options,
            rows,
            baseSet.Benchmarks.Select(result => result.FullName).Where(id => !newById.ContainsKey(id)).ToList(),
            newSet.Benchmarks.Select(result => result.FullName).Except(baseSet.Benchmarks.Select(result => result.FullName), StringComparer.Ordinal).ToList(),
            EnvironmentWarnings(baseSet.Host, newSet.Host).Concat(SettingsWarnings(baseSet, newSet)).Concat(DriftNotes(drift, referenceRatios.Count, adjust)).Concat(baseSet.Warnings).Concat(newSet.Warnings).ToList())
        {
            CounterChanges = matched.SelectMany(result => CounterJudge.Judge(result, newById[result.FullName], options)).ToList(),
            SendPathMismatches = CounterJudge.SendPathMismatches(newSet).ToList(),
        };
    }

    /// <summary>A median ratio of the OS reference rows beyond this says the machine changed, not the code.</summary>
    public const double MachineDriftRatio = 1.15;

    // The OS reference rows (raw send, sendmsg, sendmmsg) contain no SocketBench code that a change
    // could slow down: when they move together, the machine moved (load, frequency, a noisy neighbour).
    private static List<double> ReferenceRatios(IEnumerable<BenchmarkResult> matched, Dictionary<string, BenchmarkResult> newById) => matched
        .Where(result => result.Case.Kind == Core.Cases.CaseKind.OsReference)
        .Select(result => Toolkit.Ratio(Nanoseconds(newById[result.FullName].NanosecondsPerOperation), Nanoseconds(result.NanosecondsPerOperation)).NominalValue)
        .Where(double.IsFinite)
        .Order()
        .ToList();

    /// <summary>The reference rows' median ratio (of three rows or more) when it is beyond <see cref="MachineDriftRatio"/> either way, otherwise null.</summary>
    private static double? MachineDrift(IReadOnlyList<double> referenceRatios) =>
        referenceRatios.Count >= 3 && referenceRatios[referenceRatios.Count / 2] is var median && (median >= MachineDriftRatio || median <= 1 / MachineDriftRatio) ? median : null;

    /// <summary>What the drift means, and (the second note) that the new measurements were adjusted for it.</summary>
    private static IEnumerable<string> DriftNotes(double? drift, int referenceRows, bool adjusted) => drift is not double median ? [] : new[]
    {
        string.Create(CultureInfo.InvariantCulture, $"The OS reference rows (raw system calls, no SocketBench code) moved too: median ratio {median:0.00}× over {referenceRows} rows. The machine likely ran {(median > 1 ? "slower" : "faster")} than when the base was measured; re-run both on a quiet machine before blaming the code."),
        string.Create(CultureInfo.InvariantCulture, $"Adjusted for machine drift: every new measurement was divided by {median:0.00} (the OS reference rows' median ratio) before judging, so the verdicts are relative to the machine's own speed."),
    }.Take(adjusted ? 2 : 1);

    private static Sample Nanoseconds(IReadOnlyList<double> values) => new(values.ToList(), TimeUnit.Nanosecond);

    /// <summary>Judges one pair; <paramref name="newScale"/> divides every new measurement first (the machine's drift, 1 for none).</summary>
    private static ComparisonRow Judge(BenchmarkResult baseResult, BenchmarkResult newResult, ComparisonOptions options, double newScale, bool confirming = false)
    {
        // Rounds of an A/B gate: one value per process and side, since iterations of one process share its JIT
        // state, placement and memory layout and would make a difference between two processes look significant.
        bool byRound = baseResult.RoundMedians.Count >= 2 && newResult.RoundMedians.Count >= 2;
        var baseSample = Nanoseconds(byRound ? baseResult.RoundMedians : baseResult.NanosecondsPerOperation);
        var newSample = Nanoseconds((byRound ? newResult.RoundMedians : newResult.NanosecondsPerOperation).Select(value => value / newScale).ToList());
        var baseMedian = MedianInterval(baseSample);
        var newMedian = MedianInterval(newSample);
        double lower = baseMedian.Upper > 0 ? newMedian.Lower / baseMedian.Upper : double.NaN;
        double upper = baseMedian.Lower > 0 ? newMedian.Upper / baseMedian.Lower : double.PositiveInfinity;

        // Confirmation rounds pair up (the same round on both sides ran back to back) when both sides have every round.
        bool paired = confirming && byRound && baseResult.RoundMedians.Count == newResult.RoundMedians.Count && baseResult.RoundMedians.Count >= PairedRounds.MinPairs;
        var (verdict, reason) = paired
            ? DecideConfirmation(baseResult.RoundMedians, newResult.RoundMedians, baseSample, newSample, WithinRoundSpread(baseResult), options)
            : byRound
            ? DecideByRound(baseSample, newSample, WithinRoundSpread(baseResult), options, confirming)
            : Decide(baseSample, newSample, options);
        return new ComparisonRow(
            baseResult.FullName,
            baseResult.Label,
            Toolkit.Center(baseSample).NominalValue,
            Toolkit.Center(newSample).NominalValue,
            Toolkit.Ratio(newSample, baseSample).NominalValue,
            lower,
            upper,
            verdict,
            reason);
    }

    /// <summary>
    /// The second stage of an A/B gate: every suspect of <paramref name="screening"/> (see <see cref="ComparisonResult.Suspects"/>)
    /// is judged again, on fresh rounds that ran only the suspects, and its row is replaced by that verdict. Only the
    /// confirmation's own rounds count: the screening picked these rows because they read slow, so its rounds are biased.
    /// </summary>
    /// <param name="stoppedEarly">
    /// Suspects the rounds stopped measuring once <see cref="StillOpen"/> no longer listed them: each is Same, since no
    /// outcome of the rounds it skipped could have made it Slower.
    /// </param>
    public static ComparisonResult Confirm(ComparisonResult screening, ResultSet baseRounds, ResultSet newRounds, int rounds, IReadOnlyCollection<string>? stoppedEarly = null)
    {
        var baseById = baseRounds.Benchmarks.ToDictionary(result => result.FullName, StringComparer.Ordinal);
        var newById = newRounds.Benchmarks.ToDictionary(result => result.FullName, StringComparer.Ordinal);
        var suspects = screening.Suspects.Select(row => row.Id).ToHashSet(StringComparer.Ordinal);
        var missing = suspects.Where(id => !baseById.ContainsKey(id) || !newById.ContainsKey(id)).ToList();
        var stopped = suspects.Except(missing).Intersect(stoppedEarly ?? [], StringComparer.Ordinal).ToHashSet(StringComparer.Ordinal);
        return screening with
        {
            Rows = screening.Rows.Select(row => !suspects.Contains(row.Id) || missing.Contains(row.Id) ? row : Confirmed(row, baseById[row.Id], newById[row.Id], screening.Options, stopped.Contains(row.Id) ? rounds : null)).ToList(),
            ConfirmationRounds = rounds,
            Warnings =
            [
                .. screening.Warnings,
                // A stopped suspect's missing rounds were left out on purpose; its reason says so.
                .. baseRounds.Warnings.Concat(newRounds.Warnings).Distinct().Where(warning => !stopped.Any(id => ResultLoader.IsMissingRoundsWarning(warning, id))),
                .. missing.Select(id => $"{id} read slower in the screening rounds but was not measured in the confirmation rounds: its verdict is the screening's."),
            ],
        };
    }

    /// <summary>
    /// The suspects that the confirmation rounds still to come could make Slower; the others are decided and need no
    /// more rounds. A suspect is decided when even the most damning remaining rounds (each new round slower than any
    /// measured, each base round faster, each base round's own spread zero) would leave both tests short of their alpha:
    /// stopping it then gives the verdict the full <paramref name="rounds"/> would, in fewer processes. A row that
    /// could still turn out Slower always runs them all.
    /// </summary>
    public static IReadOnlySet<string> StillOpen(ComparisonResult screening, ResultSet baseRounds, ResultSet newRounds, int rounds)
    {
        var newById = newRounds.Benchmarks.ToDictionary(result => result.FullName, StringComparer.Ordinal);
        var suspects = screening.Suspects.Select(row => row.Id).ToHashSet(StringComparer.Ordinal);
        return baseRounds.Benchmarks
            .Where(result => suspects.Contains(result.FullName) && newById.ContainsKey(result.FullName) && CouldStillConfirm(result, newById[result.FullName], rounds, screening.Options))
            .Select(result => result.FullName)
            .ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Rounds a merged side has measured of this row (a row of one round has no per-round medians).</summary>
    private static int Rounds(BenchmarkResult result) => Math.Max(1, result.RoundMedians.Count);

    private static bool CouldStillConfirm(BenchmarkResult baseResult, BenchmarkResult newResult, int rounds, ComparisonOptions options)
    {
        int measured = Math.Min(baseResult.RoundMedians.Count, newResult.RoundMedians.Count);
        // Fewer than two rounds say nothing yet; all rounds run is the real verdict, not a bound.
        if (measured < 2 || measured >= rounds)
        {
            return measured < rounds;
        }

        // Beyond every measured median by a factor of a million, each further round further out: the remaining pairs take
        // the largest ranks, distinct so that no tie lowers them, and every remaining new round ranks above every base round.
        double low = Math.Min(baseResult.RoundMedians.Min(), newResult.RoundMedians.Min());
        double high = Math.Max(baseResult.RoundMedians.Max(), newResult.RoundMedians.Max());
        var extra = Enumerable.Range(1, rounds - measured).Select(step => 1e6 * step).ToList();
        var worstBase = baseResult with
        {
            RoundMedians = [.. baseResult.RoundMedians.Take(measured), .. extra.Select(factor => low / factor)],
            RoundSpreads = [.. baseResult.RoundSpreads.Take(measured), .. extra.Select(_ => 0.0)],
        };
        var worstNew = newResult with { RoundMedians = [.. newResult.RoundMedians.Take(measured), .. extra.Select(factor => high * factor)] };
        return Judge(worstBase, worstNew, options, newScale: 1, confirming: true).Verdict == Verdict.Slower;
    }

    /// <param name="stoppedOf">The confirmation's rounds when the row was stopped early, null when it ran them all.</param>
    private static ComparisonRow Confirmed(ComparisonRow screened, BenchmarkResult baseResult, BenchmarkResult newResult, ComparisonOptions options, int? stoppedOf = null)
    {
        var row = Judge(baseResult, newResult, options, newScale: 1, confirming: true);
        string screeningRatio = Writers.ComparisonMarkdown.Ratio(screened.Ratio);
        return stoppedOf is int rounds
            ? row with
            {
                Verdict = Verdict.Same,
                Reason = string.Create(CultureInfo.InvariantCulture, $"screening {screeningRatio}, not confirmed: stopped after {Rounds(baseResult)} of {rounds} rounds, when no later round could confirm it"),
            }
            : row with { Reason = string.Create(CultureInfo.InvariantCulture, $"screening {screeningRatio}, {(row.Verdict == Verdict.Slower ? "" : "not ")}confirmed in {row.Reason}") };
    }

    /// <summary>Rounds per side the unpaired per-round test needs before it can reach <see cref="ComparisonOptions.RoundAlpha"/> (5 rounds: p = 0.004 at best); the confirmation's paired test needs <see cref="PairedRounds.MinPairs"/>.</summary>
    public const int MinRounds = 5;

    /// <summary>
    /// Every row is judged: no Noisy escape, since a regression confined to one row must still fail. A row must move
    /// by more than the threshold and by more than the base's own noise: the relative spread of its iterations (a row
    /// whose iterations land 2× apart within one process cannot show a 1.1× change) and, in the screening rounds, how
    /// far its rounds disagree with each other. Only the base's: a change that makes a row slower and noisier must not
    /// excuse itself. Confirmation rounds drop the round term: one off base round would otherwise hide a real change,
    /// and a row reaches them only by reading slow in the screening too. Tested with Perfolizer's one-sided
    /// Mann-Whitney equivalence test on the rounds' medians.
    /// </summary>
    private static (Verdict Verdict, string Reason) DecideByRound(Sample baseSample, Sample newSample, double iterationNoise, ComparisonOptions options, bool confirming)
    {
        double needed = new[] { options.RelativeThreshold, confirming ? 0 : Spread(baseSample), iterationNoise }.Max();
        var threshold = needed > options.RelativeThreshold ? Threshold.Parse(string.Create(CultureInfo.InvariantCulture, $"{needed * 100:0.#}%")) : options.Threshold;
        var verdict = VerdictOf(EquivalenceTest.Perform(baseSample, newSample, threshold, options.RoundAlpha));
        // The needed change is said whenever it matters: a confirmation, a verdict other than Same, or a row noisier than the threshold.
        return (verdict, confirming || verdict != Verdict.Same || needed > options.RelativeThreshold ? string.Create(CultureInfo.InvariantCulture, $"{newSample.Size} rounds, needs {needed:P0}") : "");
    }

    /// <summary>
    /// Confirmation rounds are judged two ways, and a change either shows counts: pair by pair (<see cref="PairedRounds"/>),
    /// which a slow phase of the host over some rounds cannot hide since it slows both sides of a round, and all base rounds
    /// against all new rounds, which one off round on one side cannot hide. Each at the rounds' alpha; both need the same
    /// shift (the threshold, or the base's noise within one process). Both are rank tests, with no shortcut for a large
    /// shift: no round's size counts beyond its rank, so a few rounds twice as slow on one side (the host does that) do
    /// not decide alone, and the best that rounds still to come can do is known (<see cref="StillOpen"/>).
    /// </summary>
    private static (Verdict Verdict, string Reason) DecideConfirmation(
        IReadOnlyList<double> baseRounds, IReadOnlyList<double> newRounds, Sample baseSample, Sample newSample, double iterationNoise, ComparisonOptions options)
    {
        double needed = Math.Max(options.RelativeThreshold, iterationNoise);
        var byPair = PairedRounds.Decide(baseRounds, newRounds, needed, options.RoundAlpha);
        var threshold = Threshold.Parse(string.Create(CultureInfo.InvariantCulture, $"{needed * 100:0.###}%"));
        var byRank = MannWhitneyTest.Instance.Perform(newSample, baseSample, AlternativeHypothesis.Greater, threshold).PValue < options.RoundAlpha ? Verdict.Slower
            : MannWhitneyTest.Instance.Perform(baseSample, newSample, AlternativeHypothesis.Greater, threshold).PValue < options.RoundAlpha ? Verdict.Faster
            : Verdict.Same;
        var verdict = byPair == Verdict.Slower || byRank == Verdict.Slower ? Verdict.Slower
            : byPair == Verdict.Faster || byRank == Verdict.Faster ? Verdict.Faster
            : Verdict.Same;
        bool pairsDecided = byPair == verdict && verdict != Verdict.Same;
        return (verdict, string.Create(CultureInfo.InvariantCulture, $"{newRounds.Count} rounds,{(pairsDecided ? " by pair," : "")} needs {needed:P0}"));
    }

    /// <summary>How far one side's rounds disagree: the slowest round over the fastest, minus one (0.2 for 1.2×).</summary>
    private static double Spread(Sample sample) => sample.Values.Min() > 0 ? sample.Values.Max() / sample.Values.Min() - 1 : 0;

    /// <summary>
    /// How far a row's iterations disagree within one process: the median over rounds of each round's relative spread
    /// (Pragmastat: Shamos spread over the center). Not the spread of all rounds' iterations together, which would count
    /// the differences between processes a second time.
    /// </summary>
    private static double WithinRoundSpread(BenchmarkResult result) =>
        result.RoundSpreads.Count > 0 ? Toolkit.Center(new Sample(result.RoundSpreads.ToList())).NominalValue : 0;

    private static (Verdict Verdict, string Reason) Decide(Sample baseSample, Sample newSample, ComparisonOptions options)
    {
        foreach (var (side, sample) in new[] { ("base", baseSample), ("new", newSample) })
        {
            if (sample.Size >= 3 && MValueCalculator.Calculate(sample.Values) >= MultimodalMValue)
            {
                return (Verdict.Noisy, $"{side} is multimodal");
            }

            double spread = sample.Size >= 2 ? Toolkit.RelSpread(sample).NominalValue : 0;
            if (spread > options.MaxRelativeSpread)
            {
                return (Verdict.Noisy, $"{side} spread {spread:P0}");
            }
        }

        return (VerdictOf(EquivalenceTest.Perform(baseSample, newSample, options.For(baseSample), options.Alpha)), "");
    }

    // Perform(x, y): Lesser means x is below y, i.e. the base was faster and new is slower.
    private static Verdict VerdictOf(Perfolizer.Mathematics.Common.ComparisonResult comparison) => comparison switch
    {
        Perfolizer.Mathematics.Common.ComparisonResult.Lesser => Verdict.Slower,
        Perfolizer.Mathematics.Common.ComparisonResult.Greater => Verdict.Faster,
        _ => Verdict.Same,
    };

    private static ConfidenceInterval MedianInterval(Sample sample) =>
        sample.Size < 2
            ? new ConfidenceInterval(sample.Values[0], sample.Values[0], sample.Values[0], ConfidenceLevel.L95)
            : HarrellDavisQuantileEstimator.Instance.QuantileConfidenceIntervalEstimator(sample, Probability.Half).ConfidenceInterval(ConfidenceLevel.L95);

    private static IEnumerable<string> SettingsWarnings(ResultSet baseSet, ResultSet newSet) => (baseSet.Settings, newSet.Settings) switch
    {
        ({ } before, { } after) => after.DifferencesFrom(before).Select(difference => $"The runs were measured differently: {difference}. Their times are not like for like."),
        (null, null) => [],
        _ => [$"Only the {(baseSet.Settings is null ? "new" : "base")} results record how they were measured (receiver placement, runtime settings); the other predates the run record."],
    };

    private static IEnumerable<string> EnvironmentWarnings(HostInfo baseHost, HostInfo newHost) =>
        new (bool Differs, string Warning)[]
        {
            (baseHost.ProcessorName != newHost.ProcessorName || baseHost.LogicalCoreCount != newHost.LogicalCoreCount,
                $"Different machines: base ran on {baseHost.ProcessorName} ({baseHost.LogicalCoreCount} cores), new on {newHost.ProcessorName} ({newHost.LogicalCoreCount} cores)."),
            (baseHost.OsVersion != newHost.OsVersion || baseHost.Architecture != newHost.Architecture,
                $"Different OS: base ran on {baseHost.OsVersion} {baseHost.Architecture}, new on {newHost.OsVersion} {newHost.Architecture}."),
            (baseHost.RuntimeShort != newHost.RuntimeShort, $"Different runtimes: base ran on {baseHost.RuntimeShort}, new on {newHost.RuntimeShort}."),
        }.Where(check => check.Differs).Select(check => check.Warning);
}
