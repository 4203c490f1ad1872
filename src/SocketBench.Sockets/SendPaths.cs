using SocketBench.Core.Batches;
using SocketBench.Core.Cases;

namespace SocketBench.Sockets;

/// <summary>
/// What each send method turns into in system calls on this OS: the "Send path" column, and the
/// table in the README. Kept beside the outputs so the words cannot drift from what they do.
/// </summary>
public static class SendPaths
{
    /// <summary>What the method makes on the OS this process runs on.</summary>
    public static string Describe(Transport transport, SendMethod method) => Describe(transport, method, OperatingSystem.IsLinux());

    /// <summary>What the method makes on Linux or elsewhere: reports describe results from the machine that measured them.</summary>
    public static string Describe(Transport transport, SendMethod method, bool onLinux) => (transport, method) switch
    {
        (_, SendMethod.PerBufferAwait) => "send per buffer",
        // AsTask() looks at each write as soon as it is issued, which is the moment the output must send it.
        (_, SendMethod.TaskWaitAll) => "send per buffer",
        (Transport.Tcp, SendMethod.FlushBatched) => onLinux ? "sendmsg per batch" : "Socket.Send(list) per batch",
        (Transport.Udp, SendMethod.FlushBatched) => onLinux ? "sendmmsg per batch" : "send per datagram (fallback)",
        (Transport.Tcp, SendMethod.GatherSend) => "raw sendmsg per batch",
        (Transport.Udp, SendMethod.SendMmsg) => "raw sendmmsg per batch",
        (Transport.Udp, SendMethod.GsoSend) => "UDP_SEGMENT sendmsg per ≤64 datagrams (≤64 KiB)",
        (_, SendMethod.SyscallPerBuffer) => "raw send per buffer",
        _ => throw new ArgumentOutOfRangeException(nameof(method), method, $"{method} is not a {transport} send method."),
    };

    /// <summary>
    /// What a strategy makes over TLS 1.3: each SslStream.Write seals its plaintext in records of up to
    /// 16 KiB; a small write is one record and one socket send, a large one goes to the socket up to 32 KiB
    /// (two records) per send on Linux.
    /// </summary>
    public static string DescribeTls(SendMethod method) => DescribeTls(method, OperatingSystem.IsLinux());

    /// <summary>The TLS path as on Linux (measured there) or elsewhere (only what SslStream promises everywhere).</summary>
    public static string DescribeTls(SendMethod method, bool onLinux) => method switch
    {
        SendMethod.PerBufferAwait => "TLS record + send per buffer",
        // SslStream takes one write at a time; the queued output hands them over in turn, one per buffer.
        SendMethod.TaskWaitAll => "TLS record + send per buffer",
        SendMethod.FlushBatched => onLinux ? "SslStream.Write per batch (16 KiB records, ≤32 KiB a send)" : "SslStream.Write per batch (≤16 KiB records)",
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
