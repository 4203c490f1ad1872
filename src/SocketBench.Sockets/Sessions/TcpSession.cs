using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Outputs;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Sessions;

/// <summary>A TCP stream over loopback, with the raw gather send as its reference row.</summary>
public sealed class TcpSession : StreamSession
{
    private readonly GatherSender? _gather;

    /// <summary>A session over a connected sender; <paramref name="receiver"/> counts delivery, here or on a remote peer's sink (see Remote/).</summary>
    internal TcpSession(BatchShape shape, SessionOptions options, Socket sender, Receiver receiver)
        : base(shape, options, sender, (native, counters) => new TcpSendOutput(sender, native, counters), receiver)
    {
        // The output's own: the reference row makes the same sendmsg without the queue in front of it. The output frees it.
        _gather = ((TcpSendOutput)Output).Gather;
    }

    public static TcpSession Create(BatchShape shape, SessionOptions options)
    {
        var (sender, accepted) = ConnectPair(options);
        var receiver = new TcpReceiver(accepted, shape.BufferSize, options.Verify) { Mode = options.Receiver };
        return new TcpSession(shape, options, sender, receiver);
    }

    /// <summary>A connected TCP pair on loopback: the sending socket (TCP_NODELAY as asked) and the accepted one, with room for an inline receiver.</summary>
    internal static (Socket Sender, Socket Accepted) ConnectPair(SessionOptions options)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);

        // The kernel completes the handshake from the backlog, so a blocking connect needs no concurrent accept.
        // Both ends stay blocking sockets: sends complete on the caller's thread, as on Linux they mostly do anyway.
        var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = options.NoDelay };
        sender.Connect(listener.LocalEndPoint!);
        var accepted = listener.Accept();
        if (options.Receiver == ReceiverMode.Inline)
        {
            MakeRoomForInline(sender, accepted);
        }

        return (sender, accepted);
    }

    /// <summary>Reference row: the batch in one sendmsg with an iovec array, buffers pinned once.</summary>
    public void GatherSend()
    {
        (_gather ?? throw new PlatformNotSupportedException("GatherSend uses Linux's sendmsg layout; on this OS FlushBatched uses .NET's list-based Socket.Send instead.")).Send(Payload.AsSpan());
        Counters.AddBatch(Shape.BufferCount, Shape.BytesPerBatch);
    }

    private protected override void SendReferenceBatch(SendMethod method)
    {
        if (method != SendMethod.GatherSend)
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Not a TCP send method.");
        }

        GatherSend();
    }
}
