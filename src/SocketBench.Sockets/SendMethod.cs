using SocketBench.Core.Batches;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Native;

namespace SocketBench.Sockets;

/// <summary>
/// Everything a portable session can send a batch with: the guide's three strategies and the OS
/// reference rows. Names are benchmark method names and never change.
/// </summary>
public enum SendMethod
{
    PerBufferAwait,
    TaskWaitAll,
    FlushBatched,

    /// <summary>TCP reference: the batch in one sendmsg with an iovec array, no abstraction.</summary>
    GatherSend,

    /// <summary>UDP reference (Linux): the batch in one sendmmsg, no abstraction.</summary>
    SendMmsg,

    /// <summary>UDP reference (Linux 4.18+): the batch as one UDP_SEGMENT (GSO) send per 64 datagrams, cut apart by the kernel.</summary>
    GsoSend,

    /// <summary>Reference: one raw send(2) per buffer, no .NET socket layer; separates .NET overhead from kernel cost.</summary>
    SyscallPerBuffer,
}

public static class SendMethods
{
    /// <summary>
    /// The methods that make sense on a transport (GatherSend would merge datagrams; sendmmsg is for
    /// datagrams), and that this machine offers: GsoSend only where the kernel has UDP_SEGMENT.
    /// </summary>
    public static IReadOnlyList<SendMethod> For(Transport transport) => transport == Transport.Tcp
        ? [SendMethod.PerBufferAwait, SendMethod.TaskWaitAll, SendMethod.FlushBatched, SendMethod.GatherSend, SendMethod.SyscallPerBuffer]
        : [SendMethod.PerBufferAwait, SendMethod.TaskWaitAll, SendMethod.FlushBatched, SendMethod.SendMmsg, .. GsoIfAvailable, SendMethod.SyscallPerBuffer];

    private static SendMethod[] GsoIfAvailable => UdpGso.IsAvailable ? [SendMethod.GsoSend] : [];

    /// <summary>The method that runs one of the guide's strategies (each strategy is also a method of the same name).</summary>
    public static SendMethod From(SendStrategy strategy) => strategy switch
    {
        SendStrategy.PerBufferAwait => SendMethod.PerBufferAwait,
        SendStrategy.TaskWaitAll => SendMethod.TaskWaitAll,
        SendStrategy.FlushBatched => SendMethod.FlushBatched,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown send strategy."),
    };
}

/// <summary>
/// What each send method turns into in system calls on this OS: the "Send path" column, and the
/// table in the README. Kept beside the outputs so the words cannot drift from what they do.
/// </summary>
public static class SendPaths
{
    /// <summary>
    /// What the method makes on Linux or elsewhere (null: the OS this process runs on): reports describe results from
    /// the machine that measured them.
    /// </summary>
    public static string Describe(Transport transport, SendMethod method, bool? onLinux = null) => (transport, method) switch
    {
        // TaskWaitAll too: AsTask() looks at each write as soon as it is issued, which is the moment the output must send it.
        (_, SendMethod.PerBufferAwait or SendMethod.TaskWaitAll) => "send per buffer",
        (Transport.Tcp, SendMethod.FlushBatched) => (onLinux ?? OperatingSystem.IsLinux()) ? "sendmsg per batch" : "Socket.Send(list) per batch",
        (Transport.Udp, SendMethod.FlushBatched) => (onLinux ?? OperatingSystem.IsLinux()) ? "sendmmsg per batch" : "send per datagram (fallback)",
        (Transport.Tcp, SendMethod.GatherSend) => "raw sendmsg per batch",
        (Transport.Udp, SendMethod.SendMmsg) => "raw sendmmsg per batch",
        (Transport.Udp, SendMethod.GsoSend) => "UDP_SEGMENT sendmsg per ≤64 datagrams (≤64 KiB)",
        (_, SendMethod.SyscallPerBuffer) => "raw send per buffer",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"{method} is not a {transport} send method."),
    };

    /// <summary>
    /// What a strategy makes over TLS 1.3: each SslStream.Write seals its plaintext in records of up to
    /// 16 KiB; a small write is one record and one socket send, a large one goes to the socket up to 32 KiB
    /// (two records) per send on Linux; elsewhere only what SslStream promises everywhere. Null: the OS this process runs on.
    /// </summary>
    public static string DescribeTls(SendMethod method, bool? onLinux = null) => method switch
    {
        // TaskWaitAll too: SslStream takes one write at a time; the queued output hands them over in turn, one per buffer.
        SendMethod.PerBufferAwait or SendMethod.TaskWaitAll => "TLS record + send per buffer",
        SendMethod.FlushBatched => (onLinux ?? OperatingSystem.IsLinux()) ? "SslStream.Write per batch (16 KiB records, ≤32 KiB a send)" : "SslStream.Write per batch (≤16 KiB records)",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"{method} is not a TLS send method: TLS rows have only the guide's three strategies."),
    };

    /// <summary>
    /// What a strategy hands a WinRT output stream. The system calls underneath are the platform's and not
    /// visible from .NET, so the label names the stream calls, which is also what the row's counter counts.
    /// </summary>
    public static string DescribeWinRt(SendMethod method) => method switch
    {
        SendMethod.PerBufferAwait => "WriteAsync per buffer, each awaited",
        SendMethod.TaskWaitAll => "WriteAsync per buffer as tasks, Task.WaitAll",
        SendMethod.FlushBatched => "WriteAsync per buffer, one FlushAsync per batch",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"{method} is not a WinRT send method: WinRT rows have only the guide's three strategies."),
    };

    /// <summary>How many sends the label promises: one per buffer, or fewer once a batch has more than one buffer.</summary>
    public static SendPattern Pattern(Transport transport, SendMethod method, bool onLinux) => method switch
    {
        SendMethod.PerBufferAwait or SendMethod.TaskWaitAll or SendMethod.SyscallPerBuffer => SendPattern.PerBuffer,
        SendMethod.FlushBatched when transport == Transport.Udp && !onLinux => SendPattern.PerBuffer,
        _ => SendPattern.Batched,
    };
}

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
