namespace SocketBench.Sockets.Loopback;

/// <summary>What a session sent and what its receiver got, over the whole session.</summary>
public readonly record struct DeliveryReport(
    long SendCalls,
    long BuffersSent,
    long BytesSent,
    long BuffersDelivered,
    long BytesDelivered)
{
    /// <summary>Send calls that crossed into the kernel per buffer sent.</summary>
    public double SendsPerBuffer => BuffersSent == 0 ? double.NaN : (double)SendCalls / BuffersSent;

    /// <summary>Fraction of the bytes sent that arrived (always 1 for TCP once drained).</summary>
    public double DeliveredRatio => BytesSent == 0 ? double.NaN : (double)BytesDelivered / BytesSent;
}
