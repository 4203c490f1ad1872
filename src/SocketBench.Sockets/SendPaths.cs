using SocketBench.Core.Batches;

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
}
