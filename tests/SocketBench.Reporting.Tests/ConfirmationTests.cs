using SocketBench.Cli.Commands.Ab;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Statistics;

namespace SocketBench.Reporting.Tests;

/// <summary>
/// An A/B gate's two stages: screening rounds of the whole job pick the rows that read slow, and fresh confirmation
/// rounds of those rows alone decide. Round medians are made up here; the real rounds run in AbGateTests.
/// </summary>
public sealed class ConfirmationTests
{
    private static readonly ComparisonOptions Gate = ComparisonOptions.Parse("10%", "0ns", "0.05", "25%");

    private static readonly ResultSet Template = ResultLoader.Load(TestFiles.Samples);

    [Fact]
    public void A_row_that_reads_slow_in_four_screening_rounds_is_a_suspect_not_yet_a_verdict()
    {
        var screening = Screening(baseRounds: [100, 102, 98, 101], newRounds: [125, 130, 124, 128]);

        var row = Assert.Single(screening.Rows);
        Assert.Equal(Verdict.Same, row.Verdict);
        Assert.Equal(row.Id, Assert.Single(screening.Suspects).Id);
    }

    [Fact]
    public void A_suspect_slower_in_every_confirmation_round_is_Slower_and_says_both_stages()
    {
        var screening = Screening(baseRounds: [100, 102, 98, 101], newRounds: [125, 130, 124, 128]);

        var confirmed = ResultComparer.Confirm(screening, Side([100, 101, 99, 102, 100, 98, 101, 100]), Side([126, 125, 127, 124, 128, 126, 125, 127]), rounds: 8);

        var row = Assert.Single(confirmed.Rows);
        Assert.Equal(Verdict.Slower, row.Verdict);
        Assert.StartsWith("screening 1.27×, confirmed in 8 rounds, by pair, needs 10", row.Reason, StringComparison.Ordinal);
        Assert.InRange(row.Ratio, 1.24, 1.28);
        Assert.True(confirmed.HasRegression);
        Assert.Equal(8, confirmed.ConfirmationRounds);
    }

    [Fact]
    public void A_suspect_that_was_the_machine_is_Same_after_confirmation()
    {
        var screening = Screening(baseRounds: [100, 102, 98, 101], newRounds: [125, 130, 124, 128]);

        var confirmed = ResultComparer.Confirm(screening, Side([100, 101, 99, 102, 100, 98, 101, 100]), Side([101, 99, 100, 103, 98, 100, 99, 101]), rounds: 8);

        var row = Assert.Single(confirmed.Rows);
        Assert.Equal(Verdict.Same, row.Verdict);
        Assert.StartsWith("screening 1.27×, not confirmed in 8 rounds", row.Reason, StringComparison.Ordinal);
        Assert.False(confirmed.HasRegression);
    }

    [Fact]
    public void One_off_base_round_in_the_confirmation_does_not_hide_a_change_every_other_round_shows()
    {
        // The screening rule would need this base's slowest over fastest round (43 %); a 1.26× change would pass.
        var screening = Screening(baseRounds: [100, 102, 98, 101], newRounds: [125, 130, 124, 128]);

        var confirmed = ResultComparer.Confirm(screening, Side([100, 101, 99, 140, 100, 98, 101, 100]), Side([126, 125, 127, 124, 128, 126, 125, 127]), rounds: 8);

        Assert.Equal(Verdict.Slower, Assert.Single(confirmed.Rows).Verdict);
    }

    [Fact]
    public void A_row_the_screening_alone_calls_Slower_is_still_confirmed_and_passes_when_the_confirmation_shows_nothing()
    {
        // Every new round beyond every base round: the screening's test alone would fail the row.
        var screening = Screening(baseRounds: [100, 102, 98, 101, 100], newRounds: [140, 141, 139, 142, 140]);
        Assert.Equal(Verdict.Slower, Assert.Single(screening.Rows).Verdict);
        Assert.Single(screening.Suspects);

        var confirmed = ResultComparer.Confirm(screening, Side([100, 101, 99, 102, 100, 98, 101, 100]), Side([101, 99, 100, 103, 98, 100, 99, 101]), rounds: 8);

        Assert.Equal(Verdict.Same, Assert.Single(confirmed.Rows).Verdict);
        Assert.False(confirmed.HasRegression);
    }

    [Fact]
    public void Rows_that_did_not_read_slow_are_not_suspects_and_keep_their_screening_verdict()
    {
        var screening = Screening(baseRounds: [100, 102, 98, 101], newRounds: [104, 101, 99, 106]);

        Assert.Empty(screening.Suspects);
        var confirmed = ResultComparer.Confirm(screening, Side([100, 101, 99, 102, 100, 98]), Side([150, 151, 149, 152, 150, 148]), rounds: 6);
        Assert.Equal(screening.Rows, confirmed.Rows);
    }

    [Fact]
    public void A_suspect_missing_from_the_confirmation_keeps_its_screening_verdict_and_is_named_in_a_warning()
    {
        var screening = Screening(baseRounds: [100, 102, 98, 101], newRounds: [125, 130, 124, 128]);
        var other = Template.Benchmarks[1];

        var confirmed = ResultComparer.Confirm(screening, Side([100, 101, 99, 102, 100, 98], other), Side([126, 125, 127, 124, 128, 126], other), rounds: 6);

        Assert.Equal(screening.Rows, confirmed.Rows);
        Assert.Contains(confirmed.Warnings, warning => warning.StartsWith(Template.Benchmarks[0].FullName, StringComparison.Ordinal) && warning.Contains("not measured in the confirmation rounds", StringComparison.Ordinal));
    }

    [Fact]
    public void Only_the_groups_whose_screening_measured_a_suspect_run_again()
    {
        var tcpRow = Template.Benchmarks[0];
        var suspect = new ComparisonRow(tcpRow.FullName, tcpRow.Label, 100, 125, 1.25, 1.2, 1.3, Verdict.Same, "");
        List<AbGroupRounds> rounds =
        [
            new("Tls", [Path.Combine(AppContext.BaseDirectory, "SamplesTls")], [Path.Combine(AppContext.BaseDirectory, "SamplesTls")]),
            new("Tcp", [TestFiles.Samples], [TestFiles.Samples]),
            new("Udp", [], []),
        ];

        Assert.Equal(["Tcp"], AbGate.GroupsWithSuspects(rounds, [suspect]));
    }

    [Fact]
    public void A_slow_phase_of_the_host_over_half_the_confirmation_rounds_does_not_erase_a_change_every_pair_shows()
    {
        // Regression (d), TCP TaskWaitAll 1 KiB × 256, µs per batch (2026-12-01, 20:46): from round 3 on the host ran
        // 1.5× slower on both sides of each round. Every round's new/base ratio stayed 1.14–1.28×.
        var screening = Screening(baseRounds: [1062, 1056, 991], newRounds: [1302, 1298, 1261]);
        double[] baseRounds = [987, 983, 1468, 1545, 1495, 1500, 1480, 1490];
        double[] newRounds = [1272, 1254, 1740, 1698, 1747, 1775, 1722, 1730];

        var confirmed = ResultComparer.Confirm(screening, Side(baseRounds), Side(newRounds), rounds: 8);

        Assert.Equal(Verdict.Slower, Assert.Single(confirmed.Rows).Verdict);
        // All base rounds against all new rounds, as the unpaired test sees them, cannot show 10 %.
        var unpaired = ResultComparer.Confirm(screening, Side(baseRounds[..6]), Side(newRounds[..6]), rounds: 6);
        Assert.Equal(Verdict.Same, Assert.Single(unpaired.Rows).Verdict);
    }

    [Fact]
    public void Pairs_that_a_slow_phase_moved_together_are_Same_when_no_pair_shows_a_change()
    {
        var screening = Screening(baseRounds: [100, 102, 98], newRounds: [125, 130, 124]);

        var confirmed = ResultComparer.Confirm(screening, Side([100, 101, 150, 155, 148, 99, 100, 101]), Side([102, 99, 156, 150, 151, 101, 98, 103]), rounds: 8);

        Assert.Equal(Verdict.Same, Assert.Single(confirmed.Rows).Verdict);
    }

    [Fact]
    public void A_suspect_no_later_round_could_confirm_is_no_longer_open_and_is_Same_with_the_rounds_it_ran()
    {
        var screening = Screening(baseRounds: [100, 102, 98], newRounds: [125, 130, 124]);
        var baseRounds = Side([100, 101, 99, 102]);
        var newRounds = Side([101, 99, 100, 103]);

        Assert.Empty(ResultComparer.StillOpen(screening, baseRounds, newRounds, rounds: 8));
        var confirmed = ResultComparer.Confirm(screening, baseRounds, newRounds, rounds: 8, stoppedEarly: [screening.Rows[0].Id]);

        var row = Assert.Single(confirmed.Rows);
        Assert.Equal(Verdict.Same, row.Verdict);
        Assert.Equal("screening 1.27×, not confirmed: stopped after 4 of 8 rounds, when no later round could confirm it", row.Reason);
    }

    [Theory]
    [InlineData(new[] { 100.0, 101, 99, 102, 100, 98, 101 }, new[] { 126.0, 125, 127, 124, 128, 126, 125 })]
    // Two rounds the host made 2× slower on the base side only: the rest could still show it.
    [InlineData(new[] { 100.0, 200, 99, 205 }, new[] { 126.0, 125, 127, 124 })]
    public void A_suspect_still_slower_stays_open(double[] baseRounds, double[] newRounds)
    {
        var screening = Screening(baseRounds: [100, 102, 98], newRounds: [125, 130, 124]);

        Assert.Single(ResultComparer.StillOpen(screening, Side(baseRounds), Side(newRounds), rounds: 8));
    }

    /// <summary>
    /// Stopping a suspect early must never change a verdict: whenever StillOpen lets a suspect go after some rounds, the
    /// full rounds, whatever they turned out to be, do not call it Slower. Rounds drawn like the slow host's: a real
    /// change of 0 to 30 %, 5 % noise per process, and now and then a process at twice the time on either side.
    /// </summary>
    [Fact]
    public void A_suspect_let_go_early_is_never_Slower_after_all_rounds()
    {
        var screening = Screening(baseRounds: [100, 102, 98], newRounds: [125, 130, 124]);
        var random = new Random(20261201);
        int letGo = 0;
        int slower = 0;
        for (int trial = 0; trial < 400; trial++)
        {
            double change = 1 + 0.1 * (trial % 4);
            double Round(double level) => level * Math.Exp(0.05 * Normal(random)) * (random.NextDouble() < 0.15 ? 2 : 1);
            double[] baseRounds = [.. Enumerable.Range(0, 8).Select(_ => Round(100))];
            double[] newRounds = [.. Enumerable.Range(0, 8).Select(_ => Round(100 * change))];
            double[] spreads = [.. Enumerable.Range(0, 8).Select(_ => 0.2 * random.NextDouble())];
            var full = ResultComparer.Confirm(screening, Side(baseRounds) with { Benchmarks = [Side(baseRounds).Benchmarks[0] with { RoundSpreads = spreads }] }, Side(newRounds), rounds: 8);
            bool isSlower = full.Rows[0].Verdict == Verdict.Slower;
            slower += isSlower ? 1 : 0;
            for (int measured = 2; measured < 8; measured++)
            {
                var baseSoFar = Side(baseRounds[..measured]) with { Benchmarks = [Side(baseRounds[..measured]).Benchmarks[0] with { RoundSpreads = spreads[..measured] }] };
                if (ResultComparer.StillOpen(screening, baseSoFar, Side(newRounds[..measured]), rounds: 8).Count == 0)
                {
                    Assert.False(isSlower, $"trial {trial}: let go after {measured} rounds, Slower after 8");
                    letGo++;
                    break;
                }
            }
        }

        // Both outcomes occur, so the test can fail either way.
        Assert.InRange(letGo, 100, 399);
        Assert.InRange(slower, 50, 399);
    }

    private static double Normal(Random random) => Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 5, 6, 7, 8 }, 1.0 / 256)]
    [InlineData(new[] { -1.0, 2, 3, 4, 5, 6, 7, 8 }, 2.0 / 256)]
    [InlineData(new[] { -1.0, -2, -3, -4, -5, -6, -7, -8 }, 1.0)]
    [InlineData(new[] { 1.0, 1, -1 }, 4.0 / 8)]
    public void The_signed_rank_tail_is_counted_exactly_over_every_sign_pattern(double[] differences, double expected)
    {
        Assert.Equal(expected, PairedRounds.UpperTailP(differences), 12);
    }

    private static ComparisonResult Screening(double[] baseRounds, double[] newRounds) =>
        ResultComparer.Compare(Side(baseRounds), Side(newRounds), Gate);

    /// <summary>One side with one benchmark whose rounds have these medians, each round four iterations within 1 % of it.</summary>
    private static ResultSet Side(double[] roundMedians, BenchmarkResult? result = null)
    {
        var benchmark = result ?? Template.Benchmarks[0];
        return Template with
        {
            Benchmarks =
            [
                benchmark with
                {
                    RoundMedians = roundMedians,
                    NanosecondsPerOperation = roundMedians.SelectMany(median => (double[])[median * 0.99, median, median, median * 1.01]).ToList(),
                },
            ],
        };
    }
}
