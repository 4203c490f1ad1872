namespace SocketBench.Sockets.Loopback;

/// <summary>What a session sent and what its receiver got, over the whole session.</summary>
/// <param name="SendCalls">
/// Send system calls; on a TLS session, the socket writes under the SslStream. Null when the session sent through one of
/// .NET's own APIs, whose send calls are made inside .NET and are not counted (never reported as 0).
/// </param>
/// <param name="TlsWrites">TLS sessions only (0 elsewhere): SslStream.Write calls.</param>
/// <param name="TlsRecords">TLS sessions only (0 elsewhere): TLS records those writes put on the wire.</param>
public readonly record struct DeliveryReport(
    long? SendCalls,
    long BuffersSent,
    long BytesSent,
    long BuffersDelivered,
    long BytesDelivered,
    long TlsWrites = 0,
    long TlsRecords = 0)
{
    /// <summary>Send calls that crossed into the kernel per buffer sent; null when they were not counted.</summary>
    public double? SendsPerBuffer => SendCalls is not long calls ? null : BuffersSent == 0 ? double.NaN : (double)calls / BuffersSent;

    /// <summary>Fraction of the bytes sent that arrived (always 1 for TCP once drained).</summary>
    public double DeliveredRatio => BytesSent == 0 ? double.NaN : (double)BytesDelivered / BytesSent;
}
