using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Outputs;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Loopback;

/// <summary>A TCP stream over loopback: delivery is complete when the receiver has read every byte sent.</summary>
public sealed class TcpLoopbackSession : LoopbackSession
{
    // Loopback delivers in microseconds; this long without a single new byte means the run is broken, not slow.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    private readonly StreamCounter _receiver;
    private readonly GatherSender? _gather;

    private TcpLoopbackSession(BatchShape shape, LoopbackOptions options, Socket sender, StreamCounter receiver)
        : base(shape, options, sender, (native, counters) => new TcpSendOutput(sender, native, counters))
    {
        _receiver = receiver;
        _gather = OperatingSystem.IsLinux() ? new GatherSender(Native) : null;
        _receiver.Start();
    }

    public static TcpLoopbackSession Create(BatchShape shape, LoopbackOptions options)
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);

        // The kernel completes the handshake from the backlog, so a blocking connect needs no concurrent accept.
        // Both ends stay blocking sockets: sends complete on the caller's thread, as on Linux they mostly do anyway.
        var sender = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = options.NoDelay };
        sender.Connect(listener.LocalEndPoint!);
        var accepted = listener.Accept();
        return new TcpLoopbackSession(shape, options, sender, new TcpReceiver(accepted, shape.BufferSize, options.Verify));
    }

    /// <summary>A session over a connected sender whose delivery someone else counts (a remote peer's sink, see Remote/).</summary>
    internal static TcpLoopbackSession Over(BatchShape shape, LoopbackOptions options, Socket sender, StreamCounter counter) =>
        new(shape, options, sender, counter);

    public override DeliveryReport Delivery
    {
        get
        {
            long bytes = _receiver.BytesReceived;
            return new DeliveryReport(Counters.SendCalls, Counters.Buffers, Counters.Bytes, bytes / Shape.BufferSize, bytes);
        }
    }

    /// <summary>Reference row: the batch in one sendmsg with an iovec array, buffers pinned once.</summary>
    public void GatherSend()
    {
        if (_gather is null)
        {
            throw new PlatformNotSupportedException("GatherSend uses Linux's sendmsg layout; on this OS FlushBatched uses .NET's list-based Socket.Send instead.");
        }

        _gather.Send(Payload.AsSpan());
        Counters.AddBatch(Shape.BufferCount, Shape.BytesPerBatch);
    }

    public override void WaitForDelivery()
    {
        long target = Counters.Bytes;
        long seen = _receiver.BytesReceived;
        long lastProgress = Stopwatch.GetTimestamp();
        var spinner = new SpinWait();
        while (seen < target)
        {
            // No Sleep(1) while waiting: a millisecond nap would swamp the microseconds being measured.
            spinner.SpinOnce(sleep1Threshold: -1);
            long now = _receiver.BytesReceived;
            if (now != seen)
            {
                seen = now;
                lastProgress = Stopwatch.GetTimestamp();
            }
            else if (spinner.Count % 1024 == 0)
            {
                ThrowIfReceiverFailed(_receiver);
                if (Stopwatch.GetElapsedTime(lastProgress) > StallLimit)
                {
                    throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                        $"TCP receiver got {seen} of {target} bytes and nothing more for {StallLimit.TotalSeconds} s."));
                }
            }
        }

        ThrowIfReceiverFailed(_receiver);
    }

    private protected override void SendReferenceBatch(SendMethod method)
    {
        if (method != SendMethod.GatherSend)
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Not a TCP send method.");
        }

        GatherSend();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _gather?.Dispose();
            _receiver.Dispose();
        }
    }
}
