using System.Net.Sockets;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Native;

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

/// <summary>Stream output: several queued buffers become one gather write (sendmsg with an iovec array) on Linux.</summary>
public sealed class TcpSendOutput : SocketSendOutput
{
    private readonly GatherSender? _gather;

    internal TcpSendOutput(Socket socket, NativeSocket native, SendCounters counters)
        : base(socket, counters)
    {
        _gather = OperatingSystem.IsLinux() ? new GatherSender(native) : null;
    }

    protected override void SendMany(ReadOnlySpan<PinnedBuffer> buffers)
    {
        if (TestFaults.SendsTcpGatherPerBuffer)
        {
            foreach (var buffer in buffers)
            {
                SendOne(buffer);
            }

            return;
        }

        if (TestFaults.SendsUncounted)
        {
            Socket.Send(ReadOnlySpan<byte>.Empty, SocketFlags.None);
        }

        if (_gather is not null)
        {
            _gather.Send(buffers);
            return;
        }

        // Elsewhere .NET's own gather send: correct, but it allocates and pins on every call.
        var segments = new List<ArraySegment<byte>>(buffers.Length);
        foreach (var buffer in buffers)
        {
            segments.Add(buffer.Segment);
        }

        Counters.SendCalls++;
        Socket.Send(segments, SocketFlags.None);
    }

    public override void Dispose() => _gather?.Dispose();
}

/// <summary>
/// Connected datagram output: N writes are N datagrams. Several queued buffers go in one sendmmsg on
/// Linux; elsewhere one send per datagram (a gather send would merge them into one datagram).
/// </summary>
public sealed class UdpSendOutput : SocketSendOutput
{
    private readonly MmsgSender? _mmsg;

    internal UdpSendOutput(Socket socket, NativeSocket native, SendCounters counters)
        : base(socket, counters)
    {
        _mmsg = OperatingSystem.IsLinux() ? new MmsgSender(native) : null;
    }

    protected override void SendMany(ReadOnlySpan<PinnedBuffer> buffers)
    {
        if (_mmsg is not null)
        {
            _mmsg.Send(buffers);
            return;
        }

        foreach (var buffer in buffers)
        {
            SendOne(buffer);
        }
    }

    public override void Dispose() => _mmsg?.Dispose();
}
