using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Columns;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Benchmarks.Sending;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;
using SocketBench.Sockets.DotNet;

namespace SocketBench.Benchmarks.Tests;

/// <summary>
/// The .NET API rows are DotNetApi cases, declared by their category: each with its send path, bytes per send call and an
/// explicit "not counted" for its sends, which the diagnoser, the Send path column and the run check all take as it is.
/// </summary>
public sealed class DotNetCaseTests
{
    [Fact]
    public void Tcp_dotnet_rows_say_what_each_api_sends_and_that_the_sends_are_not_counted()
    {
        var records = CaseRecordTests.Records(typeof(TcpDotNetSendBenchmarks));

        Assert.Equal(10, records.Count);
        Assert.All(records, record =>
        {
            Assert.Equal(CaseKind.DotNetApi, record.Kind);
            Assert.Equal(CaseTransport.Tcp, record.Transport);
            Assert.Equal(Backend.Sockets, record.Backend);
            Assert.Equal(CountedCalls.NotCounted, record.Counts);
            Assert.True(record.NoDelay);
            Assert.False(record.IsShapeLimit);
            Assert.False(record.IsBaseline);
        });
        var kib = records.Where(record => record.BufferSize == 1024).ToDictionary(record => record.Method);
        Assert.Equal(["NetworkStreamWriteAsync", "SocketSendAsyncWaitAll", "PipeWriterFlush", "BufferedStreamFlush", "SocketSendAsyncList"], kib.Keys);
        Assert.Equal(("send per buffer", SendPattern.PerBuffer, 1024L), Shape(kib["NetworkStreamWriteAsync"]));
        Assert.Equal(("send per buffer", SendPattern.PerBuffer, 1024L), Shape(kib["SocketSendAsyncWaitAll"]));
        Assert.Equal(("send per 4 KiB pipe segment", SendPattern.Batched, 4096L), Shape(kib["PipeWriterFlush"]));
        Assert.Equal(("send per 4 KiB buffer fill", SendPattern.Batched, 4096L), Shape(kib["BufferedStreamFlush"]));
        Assert.Equal((OperatingSystem.IsLinux() ? "sendmsg per batch" : "gather send per batch", SendPattern.Batched, 65536L), Shape(kib["SocketSendAsyncList"]));
        Assert.Equal("TCP PipeWriterFlush 1 KiB × 64", kib["PipeWriterFlush"].Label);
    }

    [Fact]
    public void Tls_has_no_WaitAll_row_and_udp_has_the_per_datagram_send()
    {
        var tls = CaseRecordTests.Records(typeof(TlsDotNetSendBenchmarks));
        var udp = CaseRecordTests.Records(typeof(UdpDotNetSendBenchmarks));

        Assert.Equal(["SslStreamWriteAsync", "PipeWriterFlush", "BufferedStreamFlush"], tls.Select(record => record.Method).Distinct());
        Assert.All(tls, record => Assert.Equal((CaseTransport.Tls, CaseKind.DotNetApi, true), (record.Transport, record.Kind, record.NoDelay)));
        Assert.Equal("TLS record + send per 4 KiB pipe segment", tls.First(record => record.Method == "PipeWriterFlush").SendPath);
        Assert.All(udp, record =>
        {
            Assert.Equal((CaseTransport.Udp, CaseKind.DotNetApi, "SocketSendAsync", "send per datagram"), (record.Transport, record.Kind, record.Method, record.SendPath));
            Assert.Null(record.NoDelay);
            Assert.Equal(record.BufferSize, record.BytesPerSendCall);
        });
    }

    [Fact]
    public void The_category_decides_not_the_class_name()
    {
        var record = CaseRecordTests.Records(typeof(Yak)).Single();

        Assert.Equal((CaseTransport.Tls, CaseKind.DotNetApi, CountedCalls.NotCounted), (record.Transport, record.Kind, record.Counts));
        Assert.Equal("TLS record + send per 4 KiB buffer fill", record.SendPath);
    }

    /// <summary>The rows' send paths assume buffers below the 4 KiB chunk of .NET's buffering layers (see DotNetApis.DefaultChunkBytes).</summary>
    [Theory]
    [InlineData(typeof(TcpDotNetSendBenchmarks))]
    [InlineData(typeof(TlsDotNetSendBenchmarks))]
    [InlineData(typeof(UdpDotNetSendBenchmarks))]
    public void The_dotnet_rows_stay_below_the_buffering_layers_chunk(Type type)
    {
        Assert.All(CaseRecordTests.Records(type), record => Assert.InRange(record.BufferSize, 1, DotNetApis.DefaultChunkBytes - 1));
    }

    [Fact]
    public void The_gate_job_judges_the_dotnet_rows_at_its_shared_shape()
    {
        var gated = new[] { typeof(TcpDotNetSendBenchmarks), typeof(TlsDotNetSendBenchmarks), typeof(UdpDotNetSendBenchmarks) }
            .SelectMany(type => BenchmarkConverter.TypeToBenchmarks(type).BenchmarksCases)
            .Where(SocketBenchConfig.IsGateCase)
            .Select(CaseRecords.Of)
            .ToList();

        Assert.Equal(9, gated.Count);
        Assert.All(gated, record => Assert.Equal((64, 64), (record!.BufferSize, record.BufferCount)));
    }

    [Fact]
    public void A_ledger_without_a_send_count_gives_no_sends_metric_the_plain_send_path_and_a_clean_run_check()
    {
        var benchmarkCase = BenchmarkConverter.TypeToBenchmarks(typeof(TcpDotNetSendBenchmarks)).BenchmarksCases
            .First(candidate => candidate.Descriptor.WorkloadMethod.Name == "PipeWriterFlush");
        var identity = CaseRecords.Of(benchmarkCase)!;
        var ledger = new DeliveryRecord("Tcp", identity.BufferSize, identity.BufferCount, new(SendCalls: null, 64 * 64, 64L * 64 * identity.BufferSize, 64 * 64, 64L * 64 * identity.BufferSize));

        var metrics = DeliveryDiagnoser.MetricsFor(benchmarkCase, ledger).ToDictionary(metric => metric.Descriptor.Id);

        Assert.False(metrics.ContainsKey(DeliveryMetrics.SendsPerBuffer.Id));
        Assert.Equal(100, metrics[DeliveryMetrics.DeliveredPercent.Id].Value);
        Assert.Equal(identity.SendPath, FigureColumn.SendPathText(identity, sendsPerBuffer: null));
        Assert.Null(RunCheck.ProblemOf(benchmarkCase.DisplayInfo, measured: true, metrics));
    }

    private static (string SendPath, SendPattern Pattern, long BytesPerSendCall) Shape(CaseRecord record) => (record.SendPath, record.Pattern, record.BytesPerSendCall);

    /// <summary>A TLS .NET API benchmark whose name says nothing about what it is.</summary>
    [BenchmarkCategory(Categories.Tls, Categories.Sockets)]
    public class Yak
    {
        [Params(64)]
        public int BufferSize { get; set; }

        [Params(16)]
        public int BufferCount { get; set; }

        [Benchmark, BenchmarkCategory(Categories.DotNetApi)]
        public void BufferedStreamFlush()
        {
        }
    }
}
