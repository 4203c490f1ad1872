using SocketBench.Core;
using SocketBench.Core.Batches;
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
        : UdpGso.IsAvailable
            ? [SendMethod.PerBufferAwait, SendMethod.TaskWaitAll, SendMethod.FlushBatched, SendMethod.SendMmsg, SendMethod.GsoSend, SendMethod.SyscallPerBuffer]
            : [SendMethod.PerBufferAwait, SendMethod.TaskWaitAll, SendMethod.FlushBatched, SendMethod.SendMmsg, SendMethod.SyscallPerBuffer];

    /// <summary>The method that runs one of the guide's strategies (each strategy is also a method of the same name).</summary>
    public static SendMethod From(SendStrategy strategy) => strategy switch
    {
        SendStrategy.PerBufferAwait => SendMethod.PerBufferAwait,
        SendStrategy.TaskWaitAll => SendMethod.TaskWaitAll,
        SendStrategy.FlushBatched => SendMethod.FlushBatched,
        _ => throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown send strategy."),
    };

    /// <summary>The OS's own primitives: rows with no SocketBench output or strategy code in them.</summary>
    public static bool IsOsReference(SendMethod method) =>
        method is SendMethod.GatherSend or SendMethod.SendMmsg or SendMethod.GsoSend or SendMethod.SyscallPerBuffer;

    /// <summary>Parses a method name (case-insensitive) for a transport, or throws a one-line error listing the valid ones.</summary>
    public static SendMethod Parse(string name, Transport transport)
    {
        var valid = For(transport);
        foreach (var method in valid)
        {
            if (string.Equals(method.ToString(), name, StringComparison.OrdinalIgnoreCase))
            {
                return method;
            }
        }

        throw new BatchShapeException(
            $"Unknown send method '{name}' for {transport}. Valid: {string.Join(", ", valid)}. Example: --method FlushBatched.");
    }
}
