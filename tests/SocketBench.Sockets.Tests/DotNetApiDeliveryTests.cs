using SocketBench.Core.Batches;
using SocketBench.Core.Cases;
using SocketBench.Sockets.DotNet;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Tests;

/// <summary>
/// Every .NET API row's send path delivers what it sent on real loopback sockets, checked byte by byte (content and order on
/// TCP and TLS, one intact datagram per buffer on UDP), and its session says its sends were not counted rather than 0.
/// </summary>
public sealed class DotNetApiDeliveryTests
{
    private const int Batches = 4;

    public static TheoryData<CaseTransport, DotNetApi, int, int> EveryApiAndShape()
    {
        var data = new TheoryData<CaseTransport, DotNetApi, int, int>();
        foreach (var transport in Enum.GetValues<CaseTransport>())
        {
            foreach (var api in DotNetApis.For(transport))
            {
                foreach (var (size, count) in new[] { (64, 64), (1024, 64), (1, 1) })
                {
                    data.Add(transport, api, size, count);
                }

                if (transport != CaseTransport.Udp)
                {
                    // 1 MiB a batch overfills the socket buffer: sends wait for room (Socket.SendAsync's go pending and
                    // queue), and each buffer is larger than the buffering layers' 4 KiB chunk.
                    data.Add(transport, api, 65536, 16);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryApiAndShape))]
    public async Task Every_dotnet_api_delivers_every_buffer_intact_and_in_order(CaseTransport transport, DotNetApi api, int bufferSize, int bufferCount)
    {
        using var session = Open(transport, new BatchShape(transport == CaseTransport.Udp ? Transport.Udp : Transport.Tcp, bufferSize, bufferCount), ReceiverMode.Block);

        for (int batch = 0; batch < Batches; batch++)
        {
            await session.SendBatchAsync(api);

            // UDP waits after each batch, as the guide's UDP tests do: a blocking receiver may not keep up with 256
            // datagrams in a row, and a drop is not what this test is about.
            if (transport == CaseTransport.Udp)
            {
                session.WaitForDelivery();
            }
        }

        // The receiver fails the wait on the first byte out of place, a datagram of the wrong size, a corrupt one or a duplicate.
        session.WaitForDelivery();
        var delivery = session.Delivery;
        Assert.Equal((long)bufferSize * bufferCount * Batches, delivery.BytesSent);
        Assert.Equal(delivery.BytesSent, delivery.BytesDelivered);
        Assert.Equal((long)bufferCount * Batches, delivery.BuffersSent);
        Assert.Equal(delivery.BuffersSent, delivery.BuffersDelivered);
        Assert.Null(delivery.SendCalls);
        Assert.Null(delivery.SendsPerBuffer);
    }

    /// <summary>The benchmarks' default receiver checks the .NET paths as the blocking one does.</summary>
    [Theory]
    [InlineData(CaseTransport.Tcp, DotNetApi.PipeWriterFlush)]
    [InlineData(CaseTransport.Tcp, DotNetApi.SocketSendAsyncWaitAll)]
    [InlineData(CaseTransport.Tls, DotNetApi.BufferedStreamFlush)]
    [InlineData(CaseTransport.Udp, DotNetApi.SocketSendAsync)]
    public async Task A_spinning_receiver_gets_every_byte_of_a_dotnet_api_in_order(CaseTransport transport, DotNetApi api)
    {
        using var session = Open(transport, new BatchShape(transport == CaseTransport.Udp ? Transport.Udp : Transport.Tcp, 1024, 64), ReceiverMode.Spin);

        for (int batch = 0; batch < Batches; batch++)
        {
            await session.SendBatchAsync(api);
            session.WaitForDelivery();
        }

        Assert.Equal(1024L * 64 * Batches, session.Delivery.BytesDelivered);
    }

    [Fact]
    public async Task A_session_counts_its_sends_until_a_batch_goes_through_dotnet()
    {
        using var session = SocketSession.Open(new BatchShape(Transport.Tcp, 64, 64));

        await session.SendBatchAsync(SendMethod.FlushBatched);
        session.WaitForDelivery();
        long? counted = session.Delivery.SendCalls;
        await session.SendBatchAsync(DotNetApi.NetworkStreamWriteAsync);
        session.WaitForDelivery();

        Assert.NotNull(counted);
        // Its later sends were made inside .NET: the session's count no longer covers them, so it has none.
        Assert.Null(session.Delivery.SendCalls);
        Assert.Equal(2 * 64 * 64, session.Delivery.BytesDelivered);
    }

    [Theory]
    [InlineData(CaseTransport.Udp, DotNetApi.PipeWriterFlush, "Valid: SocketSendAsync.")]
    [InlineData(CaseTransport.Tls, DotNetApi.SocketSendAsyncWaitAll, "Valid: SslStreamWriteAsync, PipeWriterFlush, BufferedStreamFlush.")]
    [InlineData(CaseTransport.Tcp, DotNetApi.SslStreamWriteAsync, "Valid: NetworkStreamWriteAsync,")]
    public void An_api_the_transport_does_not_offer_is_refused_with_the_valid_ones(CaseTransport transport, DotNetApi api, string valid)
    {
        using var session = Open(transport, new BatchShape(transport == CaseTransport.Udp ? Transport.Udp : Transport.Tcp, 64, 4), ReceiverMode.Block);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => session.SendBatchAsync(api));

        Assert.Contains($"{api} is not a {transport} .NET API row.", error.Message, StringComparison.Ordinal);
        Assert.Contains(valid, error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => DotNetApis.Describe(transport, api, onLinux: true));
    }

    private static SocketSession Open(CaseTransport transport, BatchShape shape, ReceiverMode receiver)
    {
        var options = new SessionOptions(Verify: true, Receiver: receiver);
        return transport == CaseTransport.Tls ? SocketSession.OpenTls(shape, options) : SocketSession.Open(shape, options);
    }
}
