using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Sending;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;

namespace SocketBench.Benchmarks.Tests;

/// <summary>What a case is comes from what the benchmark declares, never from its class name.</summary>
public sealed class CaseRecordTests
{
    [Fact]
    public void A_class_with_an_unrelated_name_gets_the_same_record_as_the_suites_own()
    {
        var suite = Records(typeof(UdpSendBenchmarks)).Single(record => record is { Method: "FlushBatched", BufferSize: 64, BufferCount: 16 });
        var renamed = Records(typeof(Zebra)).Single(record => record.Method == "FlushBatched");

        Assert.Equal(suite with { Id = renamed.Id }, renamed);
        Assert.Equal(CaseTransport.Udp, renamed.Transport);
        Assert.Equal(Backend.Sockets, renamed.Backend);
        Assert.Equal(CaseKind.Strategy, renamed.Kind);
        Assert.Equal("UDP FlushBatched 64 B × 16", renamed.Label);
        Assert.Contains("Zebra.FlushBatched(BufferSize: 64, BufferCount: 16)", renamed.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Reference_rows_and_tls_rows_are_told_apart_by_their_categories()
    {
        var reference = Records(typeof(Zebra)).Single(record => record.Method == "SendMmsg");
        var tls = Records(typeof(TlsSendBenchmarks)).First(record => record.Method == "FlushBatched");

        Assert.Equal(CaseKind.OsReference, reference.Kind);
        Assert.Equal(CaseTransport.Tls, tls.Transport);
        Assert.Equal("TLS", tls.TransportLabel);
    }

    [Fact]
    public void A_batched_label_that_counted_one_send_per_buffer_is_a_contradiction()
    {
        var batched = Records(typeof(TcpSendBenchmarks)).Single(record => record is { Method: "FlushBatched", BufferSize: 64, BufferCount: 64 });
        var perBuffer = Records(typeof(TcpSendBenchmarks)).Single(record => record is { Method: "PerBufferAwait", BufferSize: 64, BufferCount: 64 });
        var single = Records(typeof(TcpSendBenchmarks)).Single(record => record is { Method: "FlushBatched", BufferSize: 64, BufferCount: 1 });

        Assert.Null(batched.SendPathContradiction(1.0 / 64));
        Assert.Equal($"labelled '{batched.SendPath}' but counted 1.000 sends per buffer: nothing was batched", batched.SendPathContradiction(1));
        Assert.Null(perBuffer.SendPathContradiction(1));
        Assert.NotNull(perBuffer.SendPathContradiction(0.5));
        // One buffer per batch is one send whichever way it is sent.
        Assert.Null(single.SendPathContradiction(1));
    }

    [Fact]
    public void Rows_run_shape_by_shape_with_the_strategies_first_then_the_class_s_own_reference_rows_then_the_inherited_ones()
    {
        var order = ParamsThenMethodOrderer.Instance.GetExecutionOrder([.. BenchmarkConverter.TypeToBenchmarks(typeof(TcpSendBenchmarks)).BenchmarksCases]).ToList();

        Assert.Equal(["PerBufferAwait", "TaskWaitAll", "FlushBatched", "GatherSend", "SyscallPerBuffer"], order.Take(5).Select(benchmarkCase => benchmarkCase.Descriptor.WorkloadMethod.Name));
        Assert.Equal(
            [(64, 1), (64, 16), (64, 64), (64, 256), (1024, 1)],
            order.Select(benchmarkCase => ((int)benchmarkCase.Parameters["BufferSize"], (int)benchmarkCase.Parameters["BufferCount"])).Distinct().Take(5));
    }

    /// <summary>The case records of every case BenchmarkDotNet makes of <paramref name="type"/>.</summary>
    internal static IReadOnlyList<CaseRecord> Records(Type type) =>
        BenchmarkConverter.TypeToBenchmarks(type).BenchmarksCases.Select(CaseRecords.Of).OfType<CaseRecord>().ToList();

    /// <summary>A UDP benchmark whose name says nothing about what it is.</summary>
    [BenchmarkCategory(Categories.Udp, Categories.Sockets)]
    public class Zebra
    {
        [Params(64)]
        public int BufferSize { get; set; }

        [Params(16)]
        public int BufferCount { get; set; }

        [Benchmark, BenchmarkCategory(Categories.Strategy)]
        public void FlushBatched()
        {
        }

        [Benchmark, BenchmarkCategory(Categories.Reference)]
        public void SendMmsg()
        {
        }
    }
}
