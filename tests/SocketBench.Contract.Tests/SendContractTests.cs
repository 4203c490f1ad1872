using SocketBench.Core.Batches;
using SocketBench.Core.Sending;

namespace SocketBench.Contract.Tests;

/// <summary>
/// What every backend promises for each of the guide's strategies, on real loopback sockets: a stream delivers
/// every byte in order; a connected datagram socket turns N writes into N intact, distinct datagrams.
/// Sessions verify: their receivers fail the wait on a wrong byte, a wrong-sized datagram or a duplicate.
/// </summary>
public sealed class SendContractTests
{
    private const int Batches = 4;

    public static TheoryData<Backend, SendStrategy, int, int> TcpCases() => Backends.Cases([1, 1024, 16384], [1, 64]);

    public static TheoryData<Backend, SendStrategy, int, int> UdpCases() => Backends.Cases([1, 64, 1472], [1, 64]);

    public static TheoryData<Backend, SendStrategy, int, int> LargeCases() => Backends.Cases([65507], [4]);

    [SkippableTheory]
    [MemberData(nameof(TcpCases))]
    public async Task Tcp_delivers_every_byte_in_order(Backend backend, SendStrategy strategy, int bufferSize, int bufferCount)
    {
        using var session = await Backends.OpenAsync(backend, new BatchShape(Transport.Tcp, bufferSize, bufferCount));

        for (int batch = 0; batch < Batches; batch++)
        {
            await session.SendBatchAsync(strategy);
        }

        session.WaitForDelivery();
        var totals = session.Totals;
        Assert.Equal((long)bufferSize * bufferCount * Batches, totals.BytesSent);
        Assert.Equal(totals.BytesSent, totals.BytesDelivered);
    }

    [SkippableTheory]
    [MemberData(nameof(UdpCases))]
    public async Task Udp_turns_each_write_into_one_intact_datagram(Backend backend, SendStrategy strategy, int bufferSize, int bufferCount)
    {
        using var session = await Backends.OpenAsync(backend, new BatchShape(Transport.Udp, bufferSize, bufferCount));

        await SendUdpBatches(session, strategy);

        var totals = session.Totals;
        Assert.Equal((long)bufferCount * Batches, totals.BuffersSent);
        Assert.Equal(totals.BuffersSent, totals.BuffersDelivered);
        Assert.Equal(totals.BytesSent, totals.BytesDelivered);
    }

    [SkippableTheory]
    [MemberData(nameof(LargeCases))]
    public async Task Udp_largest_datagram_keeps_its_boundary(Backend backend, SendStrategy strategy, int bufferSize, int bufferCount)
    {
        using var session = await Backends.OpenAsync(backend, new BatchShape(Transport.Udp, bufferSize, bufferCount));

        await SendUdpBatches(session, strategy);

        // Loopback has room for the largest IPv4 datagram: nothing may be merged, split or lost.
        Assert.Equal((long)bufferSize * bufferCount * Batches, session.Totals.BytesDelivered);
    }

    [SkippableTheory]
    [MemberData(nameof(LargeCases))]
    public async Task Tcp_batch_larger_than_the_socket_buffer_is_delivered(Backend backend, SendStrategy strategy, int bufferSize, int bufferCount)
    {
        using var session = await Backends.OpenAsync(backend, new BatchShape(Transport.Tcp, bufferSize, bufferCount * 64));

        await session.SendBatchAsync(strategy);
        session.WaitForDelivery();

        Assert.Equal((long)bufferSize * bufferCount * 64, session.Totals.BytesDelivered);
    }

    [SkippableTheory]
    [MemberData(nameof(BackendCases))]
    public async Task Session_names_its_backend(Backend backend)
    {
        using var session = await Backends.OpenAsync(backend, new BatchShape(Transport.Tcp, 64, 1));

        Assert.Equal(backend, session.Backend);
    }

    public static TheoryData<Backend> BackendCases() => new(Enum.GetValues<Backend>());

    // Waiting after every batch keeps the receive queue from overflowing, so a full count is the expected result.
    private static async Task SendUdpBatches(ISendSession session, SendStrategy strategy)
    {
        for (int batch = 0; batch < Batches; batch++)
        {
            await session.SendBatchAsync(strategy);
            session.WaitForDelivery();
        }
    }
}
