using SocketBench.Core.Cases;
using SocketBench.Reporting.Loading;

namespace SocketBench.Reporting.Tests;

/// <summary>ResultLoader.LoadRounds: the rounds of one side of gate --base, merged into one sample per benchmark.</summary>
public sealed class RoundMergeTests
{
    [Fact]
    public void The_same_benchmark_across_rounds_becomes_one_sample_with_the_first_rounds_metrics()
    {
        string rounds = TestFiles.TempFolder();
        string first = CopyInto(TestFiles.Samples, Path.Combine(rounds, "round-1"));
        string second = CopyInto(TestFiles.Scaled(TestFiles.Samples, 2), Path.Combine(rounds, "round-2"));
        var one = ResultLoader.Load(first);
        var two = ResultLoader.Load(second);

        var merged = ResultLoader.LoadRounds([first, second]);

        Assert.Equal(one.Benchmarks.Select(result => result.FullName), merged.Benchmarks.Select(result => result.FullName));
        Assert.Empty(merged.Warnings);
        Assert.Equal($"{rounds} (2 rounds)", merged.Source);
        Assert.Equal(one.Files.Count + two.Files.Count, merged.Files.Count);
        foreach (var result in merged.Benchmarks)
        {
            var a = one.Find(result.FullName)!;
            var b = two.Find(result.FullName)!;
            Assert.Equal(a.NanosecondsPerOperation.Concat(b.NanosecondsPerOperation), result.NanosecondsPerOperation);
            Assert.Equal(a.Metrics, result.Metrics);
            // The interval describes the merged sample, not the first round's: its mean is the merged mean, and it holds it.
            Assert.Equal(result.NanosecondsPerOperation.Average(), result.Interval.Mean, 6);
            Assert.InRange(result.Interval.Mean, result.Interval.Lower, result.Interval.Upper);
            Assert.True(result.Interval.Lower >= 0);
            Assert.Equal("99.9 %", result.Interval.Level);
            // Each round's own noise: round 2 is round 1 doubled, so the same relative spread, whatever the level.
            Assert.Equal(2, result.RoundSpreads.Count);
            Assert.Equal(result.RoundSpreads[0], result.RoundSpreads[1], 6);
            Assert.Equal(Pragmastat.Toolkit.RelSpread(new Pragmastat.Sample(a.NanosecondsPerOperation.ToList())).NominalValue, result.RoundSpreads[0], 6);
        }
    }

    [Fact]
    public void A_benchmark_missing_from_a_round_keeps_its_measurements_and_says_so()
    {
        string rounds = TestFiles.TempFolder();
        string first = CopyInto(TestFiles.Samples, Path.Combine(rounds, "round-1"));
        string second = CopyInto(TestFiles.Samples, Path.Combine(rounds, "round-2"), "*TcpSend*");
        var one = ResultLoader.Load(first);

        var merged = ResultLoader.LoadRounds([first, second]);

        var udp = merged.Benchmarks.Where(result => result.Case.Transport == CaseTransport.Udp).ToList();
        var tcp = merged.Benchmarks.Where(result => result.Case.Transport == CaseTransport.Tcp).ToList();
        Assert.NotEmpty(udp);
        Assert.NotEmpty(tcp);
        Assert.All(udp, result => Assert.Equal(one.Find(result.FullName)!.NanosecondsPerOperation, result.NanosecondsPerOperation));
        Assert.All(tcp, result => Assert.Equal(2 * one.Find(result.FullName)!.NanosecondsPerOperation.Count, result.NanosecondsPerOperation.Count));
        Assert.Equal(udp.Count, merged.Warnings.Count(warning => warning.EndsWith("ran in 1 of 2 rounds.", StringComparison.Ordinal)));
    }

    [Fact]
    public void One_round_loads_as_it_is()
    {
        var plain = ResultLoader.Load(TestFiles.Samples);

        var merged = ResultLoader.LoadRounds([TestFiles.Samples]);

        Assert.Equal(plain.Benchmarks.Select(result => result.FullName), merged.Benchmarks.Select(result => result.FullName));
        Assert.All(merged.Benchmarks, result =>
        {
            Assert.Equal(plain.Find(result.FullName)!.NanosecondsPerOperation, result.NanosecondsPerOperation);
            Assert.Equal(plain.Find(result.FullName)!.Interval, result.Interval);
        });
        Assert.Equal(TestFiles.Samples, merged.Source);
    }

    [Fact]
    public void No_rounds_is_bad_input()
    {
        Assert.Throws<ResultInputException>(() => ResultLoader.LoadRounds([]));
    }

    private static string CopyInto(string source, string target, string pattern = "*-report-full.json")
    {
        Directory.CreateDirectory(target);
        foreach (string file in Directory.EnumerateFiles(source, pattern).Where(file => file.EndsWith("-report-full.json", StringComparison.Ordinal)))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }

        File.Copy(Path.Combine(source, RunRecord.FileName), Path.Combine(target, RunRecord.FileName));
        return target;
    }
}
