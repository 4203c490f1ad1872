using SocketBench.Benchmarks.Columns;
using SocketBench.Benchmarks.Delivery;

namespace SocketBench.Benchmarks.Tests;

/// <summary>A run whose export lost a case, or a case that delivered nothing, must fail CI.</summary>
public sealed class RunCheckTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("socketbench-runcheck-").FullName;

    [Fact]
    public void A_complete_export_passes()
    {
        string file = Export(Case("A", delivered: 100), Case("B", delivered: 97.5));

        var problems = RunCheck.InspectJson([file], expectedCases: 2);

        Assert.Empty(problems);
        Assert.Equal(0, RunCheck.Report(problems, TextWriter.Null));
    }

    [Fact]
    public void A_case_missing_from_the_export_fails_the_run()
    {
        string file = Export(Case("A", delivered: 100));

        var problems = RunCheck.InspectJson([file], expectedCases: 2);

        Assert.Contains(problems, problem => problem.Contains("holds 1 cases, the run had 2"));
        Assert.Equal(1, RunCheck.Report(problems, TextWriter.Null));
    }

    [Fact]
    public void A_case_that_delivered_nothing_or_was_not_measured_fails_the_run()
    {
        string file = Export(Case("Silent", delivered: 0), Case("Crashed", delivered: 100, measured: false));

        var problems = RunCheck.InspectJson([file], expectedCases: 2);

        Assert.Contains(problems, problem => problem.Contains("Silent has no delivered data"));
        Assert.Contains(problems, problem => problem.Contains("Crashed has no statistics"));
    }

    [Theory]
    [InlineData(1.0, "100 %")]
    [InlineData(0.99999, "99.99 % LOSS")]
    [InlineData(0.5, "50.00 % LOSS")]
    public void Delivered_column_flags_any_loss(double ratio, string expected)
    {
        Assert.Equal(expected, FigureColumn.FormatDelivered(ratio));
    }

    [Fact]
    public void Throughput_counts_only_delivered_bytes()
    {
        // 64 buffers of 1000 B in 64 us: 1000 B/us = 8 Gbit/s when all arrive, half that when half do.
        var all = new CaseFigures(64_000, 1000, 64, 1.0);
        var half = all with { DeliveredRatio = 0.5 };

        Assert.Equal(1000, all.NanosecondsPerBuffer);
        Assert.Equal(8.0, all.DeliveredGigabitsPerSecond, 6);
        Assert.Equal(4.0, half.DeliveredGigabitsPerSecond, 6);
        Assert.Equal(500_000, half.DeliveredBuffersPerSecond, 6);
    }

    [Fact]
    public void A_record_without_a_kernel_count_still_reaches_the_host()
    {
        DeliveryLedger.UseFile(Path.Combine(_directory, "ledger.json"));
        var record = new DeliveryRecord("Tcp", 64, 16, new(1, 16, 1024, 16, 1024));

        DeliveryLedger.Record(record);

        var taken = DeliveryLedger.Take();
        Assert.Equal(record, taken);
        Assert.Equal(-1, taken!.KernelSends);
        Assert.True(double.IsNaN(taken.KernelSendsPerBuffer));
    }

    [Fact]
    public void A_kernel_count_that_differs_from_the_code_count_fails_the_run()
    {
        var record = new DeliveryRecord("Tcp", 64, 64, new(100, 6400, 409_600, 6400, 409_600)) { KernelSends = 101, CodeSendsInWindow = 100 };
        var metrics = new Dictionary<string, BenchmarkDotNet.Reports.Metric>
        {
            [DeliveryMetrics.DeliveredPercent.Id] = new(DeliveryMetrics.DeliveredPercent, record.DeliveredPercent),
            [DeliveryMetrics.KernelSendDifference.Id] = new(DeliveryMetrics.KernelSendDifference, record.KernelSends - record.CodeSendsInWindow),
        };

        Assert.Equal("case: the kernel counted +1 send system calls more than the code did on the sending socket (the Sends/buffer figure is wrong)", RunCheck.ProblemOf("case", measured: true, metrics));
    }

    [Fact]
    public void The_ledger_carries_a_record_once()
    {
        DeliveryLedger.UseFile(Path.Combine(_directory, "ledger.json"));
        var record = new DeliveryRecord("Udp", 64, 16, new(2, 32, 2048, 31, 1984));

        DeliveryLedger.Record(record);

        var taken = DeliveryLedger.Take();
        Assert.Equal(record, taken);
        Assert.Equal(96.875, taken!.DeliveredPercent);
        Assert.Equal(2.0 / 32, taken.Delivery.SendsPerBuffer);
        Assert.Null(DeliveryLedger.Take());
    }

    [Fact]
    public void The_ledger_carries_sends_not_counted_as_null_never_as_zero()
    {
        DeliveryLedger.UseFile(Path.Combine(_directory, "ledger.json"));
        DeliveryLedger.Record(new DeliveryRecord("Udp", 64, 64, new(SendCalls: null, 64, 4096, 64, 4096)));

        var taken = DeliveryLedger.Take()!;

        Assert.Null(taken.Delivery.SendCalls);
        Assert.Null(taken.Delivery.SendsPerBuffer);
        Assert.Equal(100, taken.DeliveredPercent);
    }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable(DeliveryLedger.PathVariable, null);
        Directory.Delete(_directory, recursive: true);
    }

    private static string Case(string name, double delivered, bool measured = true) => $$"""
        {"FullName": "{{name}}",
         "Statistics": {{(measured ? """{"Mean": 1.0}""" : "null")}},
         "Metrics": [{"Value": {{delivered}}, "Descriptor": {"Id": "DeliveredPercent"} }]}
        """;

    private string Export(params string[] cases)
    {
        string file = Path.Combine(_directory, "Bench-report-full.json");
        File.WriteAllText(file, $$"""{"Title": "t", "Benchmarks": [{{string.Join(",", cases)}}]}""");
        return file;
    }
}
