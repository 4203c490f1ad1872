using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Columns;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Benchmarks.Sending;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;

namespace SocketBench.Benchmarks.Tests;

/// <summary>
/// The WinRT cases have never run (no Windows here), so they go through the host's steps with ledgers recorded as
/// test data: the same records, diagnoser, Send path column and run check a Windows run would use.
/// </summary>
public sealed class WinRtCaseTests
{
    private static readonly IReadOnlyList<BenchmarkCase> Cases = WinRtCases.All();

    [Fact]
    public void Every_WinRT_case_is_a_WinRT_strategy_row_over_the_portable_matrix()
    {
        var records = Cases.Select(benchmarkCase => CaseRecords.Of(benchmarkCase)!).ToList();
        var portable = Shapes(typeof(TcpSendBenchmarks), CaseTransport.Tcp).Concat(Shapes(typeof(UdpSendBenchmarks), CaseTransport.Udp)).ToHashSet();

        Assert.Equal(portable, records.Select(record => (record.Transport, record.Method, record.BufferSize, record.BufferCount)).ToHashSet());
        Assert.All(records, record =>
        {
            Assert.Equal(Backend.WinRT, record.Backend);
            Assert.Equal(CaseKind.Strategy, record.Kind);
            Assert.Equal(SendPattern.NotVisible, record.Pattern);
            Assert.Equal(CountedCalls.StreamCalls, record.Counts);
            Assert.StartsWith("WriteAsync per buffer", record.SendPath, StringComparison.Ordinal);
            Assert.EndsWith("(WinRT)", record.TransportLabel, StringComparison.Ordinal);
        });
        Assert.Contains(records, record => record is { Transport: CaseTransport.Udp, Method: "FlushBatched" });
    }

    [Fact]
    public void A_recorded_ledger_gives_every_WinRT_case_its_metrics_an_honest_send_path_and_a_clean_run_check()
    {
        foreach (var benchmarkCase in Cases)
        {
            var record = CaseRecords.Of(benchmarkCase)!;
            var metrics = DeliveryDiagnoser.MetricsFor(benchmarkCase, RecordedLedger(record)).ToDictionary(metric => metric.Descriptor.Id);

            Assert.True(metrics.ContainsKey(DeliveryMetrics.SendsPerBuffer.Id), record.Id);
            Assert.Equal(record.SendPath, FigureColumn.SendPathText(record, metrics[DeliveryMetrics.SendsPerBuffer.Id].Value));
            Assert.Null(RunCheck.ProblemOf(benchmarkCase.DisplayInfo, measured: true, metrics));
        }
    }

    [Fact]
    public void A_ledger_of_another_shape_gives_no_metrics_and_fails_the_run_check()
    {
        var benchmarkCase = Cases.First(candidate => CaseRecords.Of(candidate)!.BufferCount > 1);
        var record = CaseRecords.Of(benchmarkCase)!;
        var other = RecordedLedger(record) with { BufferCount = record.BufferCount + 1 };

        var metrics = DeliveryDiagnoser.MetricsFor(benchmarkCase, other).ToDictionary(metric => metric.Descriptor.Id);

        Assert.Empty(metrics);
        Assert.EndsWith("no delivery count reached the host", RunCheck.ProblemOf("case", measured: true, metrics));
    }

    [Fact]
    public void The_reporting_tests_WinRT_record_is_what_the_WinRT_classes_declare()
    {
        var declared = Cases.Select(benchmarkCase => CaseRecords.Of(benchmarkCase)!).OrderBy(record => record.Id, StringComparer.Ordinal).ToList();
        if (Environment.GetEnvironmentVariable("SOCKETBENCH_WRITE_TEST_DATA") == "1")
        {
            new RunRecord(new RunSettings("test data", "spin", "windows", new Dictionary<string, string>(), null), declared).Write(Path.GetDirectoryName(WinRtCases.TestRecordPath)!);
        }

        var committed = RunRecord.ReadFrom(Path.GetDirectoryName(WinRtCases.TestRecordPath)!);

        Assert.NotNull(committed);
        Assert.Equal(declared, committed.Cases.OrderBy(record => record.Id, StringComparer.Ordinal));
    }

    /// <summary>What a WinRT session would count: one WriteAsync per buffer, plus one FlushAsync per batch under FlushBatched; all delivered.</summary>
    private static DeliveryRecord RecordedLedger(CaseRecord record)
    {
        const int Batches = 100;
        long buffers = (long)Batches * record.BufferCount;
        long calls = buffers + (record.Method == "FlushBatched" ? Batches : 0);
        long bytes = buffers * record.BufferSize;
        return new DeliveryRecord(record.Transport.ToString(), record.BufferSize, record.BufferCount, new(calls, buffers, bytes, buffers, bytes));
    }

    private static IEnumerable<(CaseTransport, string, int, int)> Shapes(Type portable, CaseTransport transport) =>
        BenchmarkConverter.TypeToBenchmarks(portable).BenchmarksCases
            .Select(benchmarkCase => CaseRecords.Of(benchmarkCase)!)
            .Where(record => record.Kind == CaseKind.Strategy)
            .Select(record => (transport, record.Method, record.BufferSize, record.BufferCount));
}
