namespace SocketBench.Sockets;

/// <summary>
/// What the sending side of one session has done. Only the sending thread writes these;
/// they are read after the run, so plain fields are enough.
/// </summary>
public sealed class SendCounters
{
    /// <summary>Send calls that crossed into the kernel: .NET Socket.Send calls and raw send/sendmsg/sendmmsg.</summary>
    public long SendCalls;

    /// <summary>UDP only: drain markers sent on the same socket to close a delivery wait; not payload, so not in <see cref="SendCalls"/>.</summary>
    public long MarkerSends;

    /// <summary>TLS sessions only: SslStream.Write calls (each makes one or more TLS records).</summary>
    public long TlsWrites;

    /// <summary>TLS sessions only: application-data records the client put on the wire.</summary>
    public long TlsRecords;

    /// <summary>Buffers handed to the kernel (datagrams on UDP).</summary>
    public long Buffers;

    /// <summary>Payload bytes handed to the kernel.</summary>
    public long Bytes;

    /// <summary>
    /// Set once a batch went through one of .NET's own send APIs (a .NET API row): those make their send calls
    /// inside .NET, where nothing here sees them, so <see cref="SendCalls"/> no longer covers the session's sends.
    /// </summary>
    public bool SendsInsideDotNet;

    /// <summary>The send calls made, or null when some were made inside .NET and could not be counted.</summary>
    public long? CountedSendCalls => SendsInsideDotNet ? null : SendCalls;

    public void AddBatch(int buffers, long bytes)
    {
        Buffers += buffers;
        Bytes += bytes;
    }
}
