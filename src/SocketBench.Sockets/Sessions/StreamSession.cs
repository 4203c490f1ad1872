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

    private protected StreamSession(BatchShape shape, SessionOptions options, Socket sender, Func<NativeSocket, SendCounters, QueuedSendOutput> createOutput, Receiver receiver)
        : base(shape, options, sender, createOutput, receiver)
    {
    }

    public override DeliveryReport Delivery => DeliveryReport.OfStream(
        Counters.CountedSendCalls, Counters.Buffers, Counters.Bytes, Receiving.BytesReceived, Shape.BufferSize, Counters.TlsWrites, Counters.TlsRecords);

    public override void WaitForDelivery()
    {
        if (Receiving is StreamReceiver { Inline: true } inline)
        {
            inline.ReceiveUntil(Counters.Bytes);
            ThrowIfReceiverFailed();
            return;
        }

        DeliveryWait.SpinUntil(
            this,
            static session => session.Receiving.BytesReceived >= session.Counters.Bytes,
            static session => session.Receiving.BytesReceived,
            static session => session.Receiving.Failure,
            StallLimit,
            static session => string.Create(CultureInfo.InvariantCulture,
                $"{session.Protocol} receiver got {session.Receiving.BytesReceived} of {session.Counters.Bytes} bytes and nothing more for {StallLimit.TotalSeconds} s."));
    }
}
