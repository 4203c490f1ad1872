using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets.DotNet;

namespace SocketBench.Benchmarks.Sending;

/// <summary>
/// .NET's own send paths over TLS 1.3, on the same SslStream over a TCP loopback pair as the guide's TLS rows
/// (TlsSendBenchmarks): awaited SslStream.WriteAsync per buffer, and a PipeWriter or BufferedStream over it flushed
/// once per batch. There is no Task.WaitAll row: SslStream throws when a write starts while another is still in
/// progress, so starting every write before waiting is either a crash or the per-buffer row again.
/// </summary>
[BenchmarkCategory(Categories.Tls, Categories.Sockets)]
public class TlsDotNetSendBenchmarks : DotNetSendBenchmarks
{
    /// <summary>The TLS rows' batches per invocation (see TlsSendBenchmarks), so both kinds of TLS row amortise the final wait alike.</summary>
    public const int BatchesPerInvoke = TlsSendBenchmarks.BatchesPerInvoke;

    [GlobalSetup]
    public void Setup() => OpenTls(new BatchShape(Transport.Tcp, BufferSize, BufferCount));

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task SslStreamWriteAsync() => DotNetApiBatches(DotNetApi.SslStreamWriteAsync, BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task PipeWriterFlush() => DotNetApiBatches(DotNetApi.PipeWriterFlush, BatchesPerInvoke);

    [Benchmark(OperationsPerInvoke = BatchesPerInvoke), BenchmarkCategory(Categories.DotNetApi)]
    public Task BufferedStreamFlush() => DotNetApiBatches(DotNetApi.BufferedStreamFlush, BatchesPerInvoke);
}
