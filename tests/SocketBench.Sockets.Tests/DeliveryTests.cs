using SocketBench.Core.Batches;
using SocketBench.Sockets;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Tests;

/// <summary>Every method on every transport delivers what it sent, checked byte by byte on real loopback sockets.</summary>
public sealed class DeliveryTests
{
    private const int Batches = 4;

    public static TheoryData<SendMethod, int, int> TcpCases() => Cases(Transport.Tcp, [1, 64, 1024, 16384]);

    public static TheoryData<SendMethod, int, int> UdpCases() => Cases(Transport.Udp, [1, 64, 1024, 1472]);

    /// <summary>The spinning receiver (the benchmarks' default) checks content and order as the blocking one does, on every transport.</summary>
    [Theory]
    [InlineData("tcp", SendMethod.FlushBatched)]
    [InlineData("tcp", SendMethod.PerBufferAwait)]
    [InlineData("udp", SendMethod.FlushBatched)]
    [InlineData("udp", SendMethod.TaskWaitAll)]
    [InlineData("tls", SendMethod.FlushBatched)]
    [InlineData("tls", SendMethod.PerBufferAwait)]
    public async Task A_spinning_receiver_gets_every_byte_in_order(string transport, SendMethod method)
    {
        var shape = new BatchShape(transport == "udp" ? Transport.Udp : Transport.Tcp, 1024, 64);
        var options = new SessionOptions(Verify: true, Receiver: ReceiverMode.Spin);
        using var session = transport == "tls" ? SocketSession.OpenTls(shape, options) : SocketSession.Open(shape, options);

        for (int batch = 0; batch < Batches; batch++)
        {
            await session.SendBatchAsync(method);
        }

        session.WaitForDelivery();
        var delivery = session.Delivery;
        Assert.Equal(1024L * 64 * Batches, delivery.BytesSent);
        Assert.Equal(delivery.BytesSent, delivery.BytesDelivered);
    }

    /// <summary>
    /// The inline receiver (the benchmarks' default as root): the sending thread reads between batches, as the benchmark loops
    /// do, through the largest batches (which must fit the enlarged socket buffers, or the blocking send would never return).
    /// </summary>
    [SkippableTheory]
    [InlineData("tcp", SendMethod.PerBufferAwait, 16384, 256)]
    [InlineData("tcp", SendMethod.FlushBatched, 64, 16)]
    [InlineData("tcp", SendMethod.GatherSend, 1024, 256)]
    [InlineData("udp", SendMethod.FlushBatched, 1472, 256)]
    [InlineData("udp", SendMethod.PerBufferAwait, 64, 16)]
    [InlineData("udp", SendMethod.GsoSend, 1024, 64)]
    [InlineData("tls", SendMethod.FlushBatched, 16384, 256)]
    [InlineData("tls", SendMethod.PerBufferAwait, 64, 16)]
    public async Task An_inline_receiver_gets_every_byte_in_order(string transport, SendMethod method, int bufferSize, int bufferCount)
    {
        Skip.IfNot(SocketSession.CanReceiveInline(), "requires root: the inline receiver needs 16 MiB socket buffers");
        var shape = new BatchShape(transport == "udp" ? Transport.Udp : Transport.Tcp, bufferSize, bufferCount);
        var options = new SessionOptions(Verify: true, Receiver: ReceiverMode.Inline);
        using var session = transport == "tls" ? SocketSession.OpenTls(shape, options) : SocketSession.Open(shape, options);

        // Enough batches that the sending thread reads several times before the wait for delivery.
        int batches = (int)Math.Max(4, 3 * SocketSession.InlineReadInterval / shape.BytesPerBatch);
        for (int batch = 0; batch < batches; batch++)
        {
            await session.SendBatchAsync(method);
            session.AfterBatch();
        }

        session.WaitForDelivery();
        var delivery = session.Delivery;
        Assert.Equal(shape.BytesPerBatch * batches, delivery.BytesSent);
        Assert.Equal(delivery.BytesSent, delivery.BytesDelivered);
    }

    [SkippableTheory]
    [InlineData("tcp")]
    [InlineData("udp")]
    [InlineData("tls")]
    public async Task An_inline_receiver_reads_only_on_the_sending_thread(string transport)
    {
        Skip.IfNot(SocketSession.CanReceiveInline(), "requires root: the inline receiver needs 16 MiB socket buffers");
        var shape = new BatchShape(transport == "udp" ? Transport.Udp : Transport.Tcp, 64, 16);
        var options = new SessionOptions(Receiver: ReceiverMode.Inline);
        using var session = transport == "tls" ? SocketSession.OpenTls(shape, options) : SocketSession.Open(shape, options);

        await session.SendBatchAsync(SendMethod.FlushBatched);
        session.AfterBatch();
        await Task.Delay(50);
        Assert.Equal(0, session.Delivery.BytesDelivered);

        session.WaitForDelivery();
        Assert.Equal(shape.BytesPerBatch, session.Delivery.BytesDelivered);
    }

    [Theory]
    [MemberData(nameof(TcpCases))]
    public async Task Tcp_delivers_every_byte_in_order(SendMethod method, int bufferSize, int bufferCount)
    {
        using var session = SocketSession.Open(new BatchShape(Transport.Tcp, bufferSize, bufferCount), new SessionOptions(Verify: true));

        for (int batch = 0; batch < Batches; batch++)
        {
            await session.SendBatchAsync(method);
        }

        session.WaitForDelivery();
        var delivery = session.Delivery;
        Assert.Equal((long)bufferSize * bufferCount * Batches, delivery.BytesSent);
        Assert.Equal(delivery.BytesSent, delivery.BytesDelivered);
    }

    [Theory]
    [MemberData(nameof(UdpCases))]
    public async Task Udp_delivers_each_buffer_as_one_distinct_datagram(SendMethod method, int bufferSize, int bufferCount)
    {
        using var session = SocketSession.Open(new BatchShape(Transport.Udp, bufferSize, bufferCount), new SessionOptions(Verify: true));

        for (int batch = 0; batch < Batches; batch++)
        {
            await session.SendBatchAsync(method);
            session.WaitForDelivery();
        }

        // The receiver fails the wait on a datagram of the wrong size, a corrupt one or a duplicate,
        // so a full count here means N writes arrived as N intact, distinct datagrams.
        var delivery = session.Delivery;
        Assert.Equal((long)bufferCount * Batches, delivery.BuffersSent);
        Assert.Equal(delivery.BuffersSent, delivery.BuffersDelivered);
        Assert.Equal(delivery.BytesSent, delivery.BytesDelivered);
    }

    [Fact]
    public async Task Tcp_with_nodelay_off_still_delivers_every_byte()
    {
        using var session = SocketSession.Open(new BatchShape(Transport.Tcp, 64, 16), new SessionOptions(NoDelay: false, Verify: true));

        await session.SendBatchAsync(SendMethod.PerBufferAwait);
        await session.SendBatchAsync(SendMethod.FlushBatched);
        session.WaitForDelivery();

        Assert.Equal(2 * 64 * 16, session.Delivery.BytesDelivered);
    }

    [Fact]
    public async Task Tcp_batch_larger_than_the_socket_buffer_waits_for_room_and_delivers()
    {
        // 256 x 64 KiB is far beyond a loopback send buffer: the gather send must survive partial sends.
        using var session = SocketSession.Open(new BatchShape(Transport.Tcp, 65536, 256), new SessionOptions(Verify: true));

        await session.SendBatchAsync(SendMethod.FlushBatched);
        await session.SendBatchAsync(SendMethod.GatherSend);
        session.WaitForDelivery();

        Assert.Equal(2L * 65536 * 256, session.Delivery.BytesDelivered);
    }

    private static TheoryData<SendMethod, int, int> Cases(Transport transport, int[] sizes)
    {
        var data = new TheoryData<SendMethod, int, int>();
        foreach (var method in SendMethods.For(transport))
        {
            foreach (int size in sizes)
            {
                foreach (int count in new[] { 1, 16, 256 })
                {
                    data.Add(method, size, count);
                }
            }
        }

        return data;
    }
}
