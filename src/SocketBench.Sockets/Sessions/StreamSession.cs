using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Outputs;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Sessions;

/// <summary>A byte stream over loopback (TCP, or TLS over TCP): delivery is complete when the receiver has read every byte sent.</summary>
public abstract class StreamSession : SocketSession
{
    // Loopback delivers in microseconds; this long without a single new byte means the run is broken, not slow.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);

    private readonly Receiver _receiver;

    private protected StreamSession(
        BatchShape shape,
        SessionOptions options,
        Socket sender,
        Func<NativeSocket, SendCounters, QueuedSendOutput> createOutput,
        Receiver receiver)
        : base(shape, options, sender, createOutput)
    {
        _receiver = receiver;
        _receiver.Start();
    }

    private protected override Receiver Receiving => _receiver;

    public override DeliveryReport Delivery
    {
        get
        {
            long bytes = _receiver.BytesReceived;
            return new DeliveryReport(Counters.CountedSendCalls, Counters.Buffers, Counters.Bytes, bytes / Shape.BufferSize, bytes, Counters.TlsWrites, Counters.TlsRecords);
        }
    }

    public override void WaitForDelivery()
    {
        long target = Counters.Bytes;
        if (_receiver is StreamReceiver { Inline: true } inline)
        {
            inline.ReceiveUntil(target);
            ThrowIfReceiverFailed(_receiver);
            return;
        }

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
                        $"{Protocol} receiver got {seen} of {target} bytes and nothing more for {StallLimit.TotalSeconds} s."));
                }
            }
        }

        ThrowIfReceiverFailed(_receiver);
    }

    public override void Dispose()
    {
        base.Dispose();
        _receiver.Dispose();
    }
}
