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
    public static DeliveryRecord From(LoopbackSession session)
    {
        var delivery = session.Delivery;
        return new DeliveryRecord(
            session.Shape.Transport.ToString(),
            session.Shape.BufferSize,
            session.Shape.BufferCount,
            delivery.SendCalls,
            delivery.BuffersSent,
            delivery.BytesSent,
            delivery.BuffersDelivered,
            delivery.BytesDelivered);
    }

    public double SendsPerBuffer => BuffersSent == 0 ? double.NaN : (double)SendCalls / BuffersSent;

    public double DeliveredPercent => BytesSent == 0 ? double.NaN : 100.0 * BytesDelivered / BytesSent;
}
