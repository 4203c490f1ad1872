using System.Security.Authentication;
using SocketBench.Core;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Tests;

/// <summary>The guide's strategies over TLS 1.3 on loopback deliver exactly what they wrote, checked byte by byte after decryption.</summary>
public sealed class TlsDeliveryTests
{
    private const int Batches = 4;

    public static TheoryData<SendStrategy, int, int> EveryStrategyAndShape()
    {
        var data = new TheoryData<SendStrategy, int, int>();
        foreach (var strategy in Enum.GetValues<SendStrategy>())
        {
            foreach (int size in new[] { 1, 64, 16384 })
            {
                foreach (int count in new[] { 1, 16, 256 })
                {
                    data.Add(strategy, size, count);
                }
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStrategyAndShape))]
    public async Task Every_strategy_over_tls_delivers_every_plaintext_byte_in_order(SendStrategy strategy, int bufferSize, int bufferCount)
    {
        using var session = SocketSession.OpenTls(new BatchShape(Transport.Tcp, bufferSize, bufferCount), new SessionOptions(Verify: true));

        for (int batch = 0; batch < Batches; batch++)
        {
            await ((ISendSession)session).SendBatchAsync(strategy);
        }

        // The receiver fails the wait on the first decrypted byte out of place.
        session.WaitForDelivery();
        var delivery = session.Delivery;
        Assert.Equal((long)bufferSize * bufferCount * Batches, delivery.BytesSent);
        Assert.Equal(delivery.BytesSent, delivery.BytesDelivered);
    }

    [Fact]
    public void The_handshake_settles_on_tls_13()
    {
        using var session = (TlsSession)SocketSession.OpenTls(new BatchShape(Transport.Tcp, 64, 16));

        Assert.Equal(SslProtocols.Tls13, session.NegotiatedProtocol);
        Assert.Equal("Tls", session.Protocol);
    }

    [Fact]
    public void The_handshake_is_not_counted_as_sends()
    {
        using var session = SocketSession.OpenTls(new BatchShape(Transport.Tcp, 64, 16));

        Assert.Equal(new DeliveryReport(0, 0, 0, 0, 0), session.Delivery);
    }

    [Fact]
    public void A_raw_send_under_tls_is_refused()
    {
        using var session = SocketSession.OpenTls(new BatchShape(Transport.Tcp, 64, 16));

        Assert.Throws<NotSupportedException>(session.SyscallPerBuffer);
        Assert.Throws<ArgumentOutOfRangeException>(() => session.SendBatchAsync(SendMethod.GatherSend));
    }

    [Fact]
    public void Tls_over_a_udp_shape_is_refused_with_an_example()
    {
        var error = Assert.Throws<InvalidCaseException>(() => SocketSession.OpenTls(new BatchShape(Transport.Udp, 64, 16)));

        Assert.Contains("'Udp 16 x 64 B'", error.Message, StringComparison.Ordinal);
        Assert.Contains("Example:", error.Message, StringComparison.Ordinal);
    }
}
