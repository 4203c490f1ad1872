using System.Net.Sockets;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Native;

namespace SocketBench.Sockets.Outputs;

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
