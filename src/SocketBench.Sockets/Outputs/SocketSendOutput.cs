using System.Net.Sockets;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Outputs;

/// <summary>A queued output straight on a socket: one queued buffer is one Socket.Send, as a .NET developer would write it.</summary>
public abstract class SocketSendOutput : QueuedSendOutput
{
    protected SocketSendOutput(Socket socket, SendCounters counters)
        : base(counters)
    {
        Socket = socket;
    }

    protected Socket Socket { get; }

    protected override void SendOne(PinnedBuffer buffer)
    {
        var remaining = buffer.Span;
        do
        {
            Counters.SendCalls++;
            remaining = remaining[Socket.Send(remaining, SocketFlags.None)..];
        }
        while (!remaining.IsEmpty);
    }
}
