using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Limits;
using SocketBench.Benchmarks.Sending;
using SocketBench.Core.Batches;

namespace SocketBench.Benchmarks.Tests.Limits;

/// <summary>Which limits a run needs: one per distinct bytes per send call (and TCP_NODELAY), from the real benchmark cases.</summary>
public sealed class LimitCaseTests
{
    [Fact]
    public void Tcp_per_buffer_rows_need_the_buffer_and_batched_rows_the_whole_batch()
    {
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(TcpSendBenchmarks)).BenchmarksCases;

        var limits = LimitCase.For(cases);

        Assert.Equal([64L, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304], limits.Select(limit => limit.BytesPerSendCall));
        Assert.All(limits, limit => Assert.Equal((Transport.Tcp, (bool?)true), (limit.Transport, limit.NoDelay)));
        var flush64x64 = cases.Single(c => c.Descriptor.WorkloadMethod.Name == "FlushBatched" && c.Parameters["BufferSize"] is 64 && c.Parameters["BufferCount"] is 64);
        var perBuffer64x64 = cases.Single(c => c.Descriptor.WorkloadMethod.Name == "PerBufferAwait" && c.Parameters["BufferSize"] is 64 && c.Parameters["BufferCount"] is 64);
        Assert.Equal(4096, LimitCase.From(flush64x64)!.BytesPerSendCall);
        Assert.Equal(64, LimitCase.From(perBuffer64x64)!.BytesPerSendCall);
    }

    [Fact]
    public void Udp_rows_need_one_datagram_per_call()
    {
        var limits = LimitCase.For(BenchmarkConverter.TypeToBenchmarks(typeof(UdpSendBenchmarks)).BenchmarksCases);

        Assert.Equal([new LimitCase(Transport.Udp, 64, null), new LimitCase(Transport.Udp, 1024, null), new LimitCase(Transport.Udp, 1472, null)], limits);
    }

    [Fact]
    public void Tls_rows_are_held_against_plain_tcp_with_nodelay_at_their_plaintext_bytes_per_call()
    {
        var cases = BenchmarkConverter.TypeToBenchmarks(typeof(TlsSendBenchmarks)).BenchmarksCases;

        var limits = LimitCase.For(cases);

        Assert.All(limits, limit => Assert.Equal((Transport.Tcp, (bool?)true), (limit.Transport, limit.NoDelay)));
        var flush64x64 = cases.Single(c => c.Descriptor.WorkloadMethod.Name == "FlushBatched" && c.Parameters["BufferSize"] is 64 && c.Parameters["BufferCount"] is 64);
        var perBuffer1024 = cases.First(c => c.Descriptor.WorkloadMethod.Name == "PerBufferAwait" && c.Parameters["BufferSize"] is 1024);
        Assert.Equal(4096, LimitCase.From(flush64x64)!.BytesPerSendCall);
        Assert.Equal(1024, LimitCase.From(perBuffer1024)!.BytesPerSendCall);
    }
}
