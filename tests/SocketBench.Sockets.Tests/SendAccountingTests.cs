using SocketBench.Core.Batches;
using SocketBench.Sockets;
using SocketBench.Sockets.Sessions;
using SocketBench.Sockets.Native;

namespace SocketBench.Sockets.Tests;

/// <summary>The Sends/buffer column is only as good as the counting behind it.</summary>
public sealed class SendAccountingTests
{
    [Theory]
    [InlineData(SendMethod.PerBufferAwait)]
    [InlineData(SendMethod.SyscallPerBuffer)]
    public async Task Tcp_per_buffer_methods_make_one_send_per_buffer(SendMethod method)
    {
        var report = await SendBatches(Transport.Tcp, method, bufferCount: 64, batches: 10);

        Assert.Equal(640, report.SendCalls);
    }

    [Theory]
    [InlineData(SendMethod.FlushBatched)]
    [InlineData(SendMethod.GatherSend)]
    public async Task Tcp_batched_methods_make_at_most_two_sends_per_batch(SendMethod method)
    {
        var report = await SendBatches(Transport.Tcp, method, bufferCount: 64, batches: 10);

        // A counted row: a missing count (null) reads as -1 and fails the range.
        Assert.InRange(report.SendCalls ?? -1, 10, 20);
    }

    [Fact]
    public async Task TaskWaitAll_batches_nothing_because_each_send_completes_before_the_next_write()
    {
        var report = await SendBatches(Transport.Tcp, SendMethod.TaskWaitAll, bufferCount: 64, batches: 10);

        Assert.Equal(640, report.SendCalls);
    }

    [Theory]
    [InlineData(16)]
    [InlineData(256)]
    [InlineData(1024)]
    public async Task Udp_SendMmsg_makes_one_call_per_batch(int bufferCount)
    {
        var report = await SendBatches(Transport.Udp, SendMethod.SendMmsg, bufferCount, batches: 3);

        Assert.Equal(3, report.SendCalls);
    }

    [SkippableTheory]
    [InlineData(64, 256, 4)]
    [InlineData(1472, 256, 6)]
    [InlineData(1472, 1, 1)]
    public async Task Udp_GsoSend_makes_one_call_per_64_datagrams_or_64_KiB(int bufferSize, int bufferCount, int callsPerBatch)
    {
        Skip.IfNot(UdpGso.IsAvailable, UdpGso.UnavailableReason);
        using var session = SocketSession.Open(new BatchShape(Transport.Udp, bufferSize, bufferCount), new SessionOptions(Verify: true));

        await session.SendBatchAsync(SendMethod.GsoSend);
        session.WaitForDelivery();

        Assert.Equal(callsPerBatch, session.Delivery.SendCalls);
        Assert.Equal(bufferCount, session.Delivery.BuffersDelivered);
    }

    [Fact]
    public async Task Udp_FlushBatched_makes_one_sendmmsg_per_batch_on_linux()
    {
        var report = await SendBatches(Transport.Udp, SendMethod.FlushBatched, bufferCount: 64, batches: 5);

        Assert.Equal(OperatingSystem.IsLinux() ? 5 : 5 * 64, report.SendCalls);
    }

    [Fact]
    public async Task Udp_PerBufferAwait_makes_one_send_per_datagram()
    {
        var report = await SendBatches(Transport.Udp, SendMethod.PerBufferAwait, bufferCount: 64, batches: 5);

        Assert.Equal(5 * 64, report.SendCalls);
        Assert.Equal(1.0, report.SendsPerBuffer);
    }

    private static async Task<DeliveryReport> SendBatches(Transport transport, SendMethod method, int bufferCount, int batches)
    {
        using var session = SocketSession.Open(new BatchShape(transport, 64, bufferCount));
        for (int batch = 0; batch < batches; batch++)
        {
            await session.SendBatchAsync(method);
            session.WaitForDelivery();
        }

        return session.Delivery;
    }
}
