using System.Net.Sockets;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Native;

namespace SocketBench.Sockets.Outputs;

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
