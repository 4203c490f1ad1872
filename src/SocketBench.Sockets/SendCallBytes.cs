using SocketBench.Core.Batches;

namespace SocketBench.Sockets;

/// <summary>
/// Bytes one send system call hands to the kernel, the figure a loopback limit tool (iperf3 <c>-l</c>)
/// is run with so a row is compared with the same work per call: a buffer for the per-buffer methods,
/// the whole batch for a TCP gather send, and always one datagram on UDP (a datagram is its own unit).
/// </summary>
public static class SendCallBytes
{
    public static long For(Transport transport, SendMethod method, int bufferSize, int bufferCount) =>
        transport == Transport.Tcp && method is SendMethod.FlushBatched or SendMethod.GatherSend
            ? (long)bufferSize * bufferCount
            : bufferSize;

    /// <summary>The OS reference row whose batch shape is the limit for a strategy: the batch in one raw call.</summary>
    public static SendMethod ShapeLimit(Transport transport) => transport == Transport.Tcp ? SendMethod.GatherSend : SendMethod.SendMmsg;
}
