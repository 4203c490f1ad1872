using SocketBench.Core.Batches;
using SocketBench.Sockets.Loopback;

namespace SocketBench.Benchmarks.Delivery;

/// <summary>What one benchmark case's session sent and what its receiver counted, over every invocation of the case.</summary>
public sealed record DeliveryRecord(
    string Transport,
    int BufferSize,
    int BufferCount,
    long SendCalls,
    long BuffersSent,
    long BytesSent,
    long BuffersDelivered,
    long BytesDelivered)
{
    public static DeliveryRecord From(LoopbackSession session) => From(session.Shape, session.Delivery);

    /// <summary>A record from any backend's session: its batch shape and what it sent and delivered.</summary>
    public static DeliveryRecord From(BatchShape shape, DeliveryReport delivery)
    {
        return new DeliveryRecord(
            shape.Transport.ToString(),
            shape.BufferSize,
            shape.BufferCount,
            delivery.SendCalls,
            delivery.BuffersSent,
            delivery.BytesSent,
            delivery.BuffersDelivered,
            delivery.BytesDelivered);
    }

    public double SendsPerBuffer => BuffersSent == 0 ? double.NaN : (double)SendCalls / BuffersSent;

    public double DeliveredPercent => BytesSent == 0 ? double.NaN : 100.0 * BytesDelivered / BytesSent;
}
