using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Outputs;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Sessions;

/// <summary>
/// Two connected UDP sockets on loopback. Delivery is complete when the receiver has every datagram
/// sent, or a drain marker sent after them has come through: the queue is first in, first out, so
/// whatever is still missing then was dropped, and is counted as lost rather than waited for.
/// </summary>
public sealed class UdpSession : SocketSession
{
    // A marker can itself be dropped by a full queue: send another after this long.
    private static readonly TimeSpan LoopbackMarkerRetry = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(10);

    private readonly DatagramCounter _receiver;
    private readonly MmsgSender? _mmsg;
    private readonly GsoSender? _gso;
    private readonly byte[] _marker;
    private readonly TimeSpan _markerRetry;
    private long _markerId;

    /// <summary>
    /// A session over a connected sender; <paramref name="receiver"/> counts delivery, here or on a remote peer's sink (see Remote/).
    /// Markers are resent after <paramref name="markerRetry"/>, which a remote caller sizes from the round trip.
    /// </summary>
    internal UdpSession(BatchShape shape, SessionOptions options, Socket sender, DatagramCounter receiver, int receiveBufferBytes, TimeSpan markerRetry)
        : base(shape, options, sender, (native, counters) => new UdpSendOutput(sender, native, counters), receiver)
    {
        _receiver = receiver;
        _marker = new byte[UdpReceiver.MarkerLengthFor(shape.BufferSize)];
        _markerRetry = markerRetry;
        // The output's own: the reference row makes the same sendmmsg without the queue in front of it. The output frees it.
        _mmsg = ((UdpSendOutput)Output).Mmsg;
        _gso = UdpGso.IsAvailable ? new GsoSender(Native) : null;
        ReceiveBufferBytes = receiveBufferBytes;
    }

    public static UdpSession Create(BatchShape shape, SessionOptions options)
    {
        var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        SocketBuffers.EnlargeReceiveQueue(receiver);

        var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        sender.Connect(receiver.LocalEndPoint!);
        receiver.Connect(sender.LocalEndPoint!);
        var counter = new UdpReceiver(receiver, shape.BufferSize, options.Verify) { Mode = options.Receiver };
        return new UdpSession(shape, options, sender, counter, receiver.ReceiveBufferSize, LoopbackMarkerRetry);
    }

    /// <summary>The receive queue the kernel granted (Linux reports twice the payload room it promises).</summary>
    public int ReceiveBufferBytes { get; }

    public override DeliveryReport Delivery =>
        new(Counters.CountedSendCalls, Counters.Buffers, Counters.Bytes, _receiver.DatagramsReceived, _receiver.BytesReceived);

    /// <summary>Reference row (Linux): the batch in one sendmmsg, one message per datagram.</summary>
    public void SendMmsg()
    {
        (_mmsg ?? throw new PlatformNotSupportedException("SendMmsg needs Linux's sendmmsg.")).Send(Payload.AsSpan());
        Counters.AddBatch(Shape.BufferCount, Shape.BytesPerBatch);
    }

    /// <summary>Reference row (Linux 4.18+): the batch in UDP_SEGMENT sends of up to 64 equal datagrams each.</summary>
    public void GsoSend()
    {
        (_gso ?? throw new PlatformNotSupportedException($"GsoSend is not offered here: {UdpGso.UnavailableReason}.")).Send(Payload.AsSpan(), Shape.BufferSize);
        Counters.AddBatch(Shape.BufferCount, Shape.BytesPerBatch);
    }

    public override void WaitForDelivery()
    {
        long target = Counters.Buffers;
        long firstMarker = _markerId + 1;
        var spinner = new SpinWait();

        // Usually everything is already there or a few microseconds away; only a straggler earns a drain marker,
        // sent again after each retry period until one comes through.
        for (int spin = 0; spin < 64 && !Delivered(); spin++)
        {
            AwaitReceiver(ref spinner);
        }

        long started = Stopwatch.GetTimestamp();
        while (!Delivered())
        {
            // The marker goes out on the data's own socket, so it queues behind every datagram sent before it.
            BinaryPrimitives.WriteInt64LittleEndian(_marker, ++_markerId);
            Sender.Send(_marker, SocketFlags.None);
            Counters.MarkerSends++;
            long sentAt = Stopwatch.GetTimestamp();
            while (!Delivered() && Stopwatch.GetElapsedTime(sentAt) < _markerRetry)
            {
                AwaitReceiver(ref spinner);
            }

            ThrowIfReceiverFailed();
            if (!Delivered() && Stopwatch.GetElapsedTime(started) > DrainLimit)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"UDP receiver counted {_receiver.DatagramsReceived} of {target} datagrams and no drain marker came through in {DrainLimit.TotalSeconds} s."));
            }
        }

        ThrowIfReceiverFailed();

        bool Delivered() => _receiver.DatagramsReceived >= target || _receiver.LastMarkerSeen >= firstMarker;
    }

    /// <summary>One turn of the wait: an inline receiver reads what has arrived; a receiver thread is given time to.</summary>
    private void AwaitReceiver(ref SpinWait spinner)
    {
        if (_receiver.Inline)
        {
            _receiver.ReceiveQueued();
        }
        else
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    private protected override void SendReferenceBatch(SendMethod method)
    {
        switch (method)
        {
            case SendMethod.SendMmsg:
                SendMmsg();
                break;
            case SendMethod.GsoSend:
                GsoSend();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(method), method, "Not a UDP send method.");
        }
    }

    public override void Dispose()
    {
        base.Dispose();
        _gso?.Dispose();
    }
}
