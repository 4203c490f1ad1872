using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices.WindowsRuntime;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Loopback;
using SocketBench.WinRT.Networking;
using SocketBench.WinRT.Receivers;
using Windows.Networking.Sockets;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Loopback;

/// <summary>
/// A WinRT <see cref="DatagramSocket"/> connected (<c>ConnectAsync</c>) to a receiving <see cref="DatagramSocket"/>
/// in the same process. Delivery is complete when every datagram sent has been counted by <c>MessageReceived</c>,
/// or a drain marker sent after them came through, proving the rest lost, as on the portable backend.
/// </summary>
public sealed class WinRtUdpSession : WinRtLoopbackSession
{
    // Room for a 256-datagram batch in the receive queue; WinRT passes this to SO_RCVBUF.
    private const uint InboundBuffer = 8 << 20;

    // A marker can itself be dropped by a full queue: send another after this long.
    private static readonly TimeSpan MarkerRetry = TimeSpan.FromMilliseconds(2);
    private static readonly TimeSpan DrainLimit = TimeSpan.FromSeconds(10);

    private readonly DatagramSocket _sender;
    private readonly DatagramSocket _receiverSocket;
    private readonly WinRtDatagramReceiver _receiver;
    private readonly byte[] _marker;
    private readonly IBuffer _markerBuffer;
    private long _markerId;

    private WinRtUdpSession(BatchShape shape, LoopbackOptions options, DatagramSocket sender, DatagramSocket receiverSocket, WinRtDatagramReceiver receiver)
        : base(shape, options, sender.OutputStream)
    {
        _sender = sender;
        _receiverSocket = receiverSocket;
        _receiver = receiver;
        _marker = GC.AllocateArray<byte>(receiver.MarkerLength, pinned: true);
        _markerBuffer = _marker.AsBuffer();
    }

    public static async Task<WinRtUdpSession> CreateAsync(BatchShape shape, LoopbackOptions options)
    {
        var host = HostNames.Create(HostNames.Loopback);
        var receiverSocket = new DatagramSocket();
        var sender = new DatagramSocket();
        try
        {
            var receiver = new WinRtDatagramReceiver(shape.BufferSize, options.Verify);
            receiverSocket.MessageReceived += receiver.OnMessageReceived;
            receiverSocket.Control.InboundBufferSizeInBytes = InboundBuffer;
            await receiverSocket.BindEndpointAsync(host, string.Empty);

            // Connecting makes the socket's OutputStream send every write as one datagram to this peer.
            await sender.ConnectAsync(host, receiverSocket.Information.LocalPort);
            return new WinRtUdpSession(shape, options, sender, receiverSocket, receiver);
        }
        catch
        {
            sender.Dispose();
            receiverSocket.Dispose();
            throw;
        }
    }

    public override DeliveryReport Delivery =>
        new(StreamCalls, Output.Writes, Output.Bytes, _receiver.DatagramsReceived, _receiver.BytesReceived);

    public override void WaitForDelivery()
    {
        long target = Output.Writes;
        long firstMarker = _markerId + 1;
        long started = Stopwatch.GetTimestamp();
        long markerSentAt = 0;
        SpinUntil(
            () =>
            {
                if (_receiver.DatagramsReceived >= target || _receiver.LastMarkerSeen >= firstMarker)
                {
                    return true;
                }

                // Usually everything arrives within microseconds; only a straggler earns a marker, then one per retry period.
                if (markerSentAt == 0 ? Stopwatch.GetElapsedTime(started) > MarkerRetry / 8 : Stopwatch.GetElapsedTime(markerSentAt) > MarkerRetry)
                {
                    SendMarker();
                    markerSentAt = Stopwatch.GetTimestamp();
                }

                return false;
            },
            () => _receiver.DatagramsReceived,
            () => _receiver.Failure,
            DrainLimit,
            () => string.Create(CultureInfo.InvariantCulture,
                $"WinRT UDP receiver counted {_receiver.DatagramsReceived} of {target} datagrams; nothing more and no drain marker came through in {DrainLimit.TotalSeconds} s."));
    }

    private void SendMarker()
    {
        BitConverter.TryWriteBytes(_marker, ++_markerId);
        _sender.OutputStream.WriteAsync(_markerBuffer).AsTask().GetAwaiter().GetResult();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _receiverSocket.MessageReceived -= _receiver.OnMessageReceived;
            _sender.Dispose();
            _receiverSocket.Dispose();
        }
    }
}
