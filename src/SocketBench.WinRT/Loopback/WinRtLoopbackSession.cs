using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices.WindowsRuntime;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Sessions;
using SocketBench.WinRT.Networking;
using SocketBench.WinRT.Outputs;
using SocketBench.WinRT.Receivers;
using Windows.Networking;
using Windows.Networking.Sockets;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Loopback;

/// <summary>
/// The WinRT twin of the portable <c>SocketSession</c>: a connected WinRT socket and a counting WinRT
/// receiver in the same process (the guide requires it: network isolation forbids loopback between
/// two apps), the batch's <see cref="IBuffer"/>s made once, and the socket's own output stream for the
/// strategies. Delivery has the same meaning as on the portable backend.
/// </summary>
public abstract class WinRtLoopbackSession : ISendSession
{
    private protected WinRtLoopbackSession(BatchShape shape, SessionOptions options, IOutputStream stream)
    {
        Shape = shape;
        Payload = new PayloadSet(shape, options.Verify);
        // Each IBuffer wraps a buffer's pinned array (a WindowsRuntimeBuffer): verify mode stamps the same bytes the
        // writes send, and no batch allocates or copies a payload.
        Buffers = Payload.Buffers.Select(buffer => buffer.Segment.Array!.AsBuffer()).ToArray();
        Output = new WinRtSendOutput(stream);
    }

    /// <summary>Opens a loopback pair for the shape's transport. The shape was validated before any socket opens.</summary>
    public static async Task<WinRtLoopbackSession> OpenAsync(BatchShape shape, SessionOptions? options = null) => shape.Transport == Transport.Tcp
        ? await WinRtTcpSession.CreateAsync(shape, options ?? SessionOptions.Default)
        : await WinRtUdpSession.CreateAsync(shape, options ?? SessionOptions.Default);

    /// <summary><see cref="OpenAsync"/> for callers that cannot await, such as a benchmark's GlobalSetup.</summary>
    public static WinRtLoopbackSession Open(BatchShape shape, SessionOptions? options = null) =>
        OpenAsync(shape, options).GetAwaiter().GetResult();

    public Backend Backend => Backend.WinRT;

    public BatchShape Shape { get; }

    public PayloadSet Payload { get; }

    /// <summary>The batch's buffers, in the shape the strategies take.</summary>
    public IReadOnlyList<IBuffer> Buffers { get; }

    /// <summary>The socket's output stream, as the strategies see it.</summary>
    public WinRtSendOutput Output { get; }

    /// <summary>What was sent and counted. SendCalls are WriteAsync and FlushAsync calls: WinRT does not show its system calls.</summary>
    public abstract DeliveryReport Delivery { get; }

    public DeliveryTotals Totals => Delivery.Totals;

    private protected long StreamCalls => Output.Writes + Output.Flushes;

    /// <summary>Sends one batch; in verify mode first stamps the buffers with their sequence numbers.</summary>
    public ValueTask SendBatchAsync(SendStrategy strategy)
    {
        Payload.StampNextBatch();
        return SendStrategies.Send(strategy, Output, Buffers);
    }

    public abstract void WaitForDelivery();

    /// <summary>Closes both sockets; no finalizer, as nothing unmanaged is held outside them.</summary>
    public abstract void Dispose();
}

/// <summary>
/// A WinRT <see cref="StreamSocket"/> connected over loopback to a <see cref="StreamSocketListener"/> in the same
/// process. Delivery is complete when the receiver started by <c>ConnectionReceived</c> has read every byte sent.
/// </summary>
public sealed class WinRtTcpSession : WinRtLoopbackSession
{
    // Loopback delivers in microseconds; this long without a single new byte means the run is broken, not slow.
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AcceptLimit = TimeSpan.FromSeconds(10);

    private readonly StreamSocketListener _listener;
    private readonly StreamSocket _client;
    private readonly WinRtStreamReceiver _receiver;

    private WinRtTcpSession(BatchShape shape, SessionOptions options, StreamSocketListener listener, StreamSocket client, WinRtStreamReceiver receiver)
        : base(shape, options, client.OutputStream)
    {
        _listener = listener;
        _client = client;
        _receiver = receiver;
    }

    public static async Task<WinRtTcpSession> CreateAsync(BatchShape shape, SessionOptions options)
    {
        var host = new HostName(WinRtEndPoints.Loopback);
        var listener = new StreamSocketListener();
        var client = new StreamSocket();
        try
        {
            var accepted = new TaskCompletionSource<WinRtStreamReceiver>(TaskCreationOptions.RunContinuationsAsynchronously);
            listener.ConnectionReceived += (_, args) =>
            {
                var receiver = new WinRtStreamReceiver(args.Socket, shape.BufferSize, options.Verify);
                receiver.Start();
                if (!accepted.TrySetResult(receiver))
                {
                    receiver.Dispose(); // a second connection on a one-connection listener: not ours
                }
            };

            // An empty service name binds an ephemeral port, as port 0 does.
            await listener.BindEndpointAsync(host, string.Empty);
            client.Control.NoDelay = options.NoDelay;
            await client.ConnectAsync(host, listener.Information.LocalPort);
            var receiverSide = await accepted.Task.WaitAsync(AcceptLimit);
            return new WinRtTcpSession(shape, options, listener, client, receiverSide);
        }
        catch
        {
            client.Dispose();
            listener.Dispose();
            throw;
        }
    }

    public override DeliveryReport Delivery => DeliveryReport.OfStream(StreamCalls, Output.Writes, Output.Bytes, _receiver.BytesReceived, Shape.BufferSize);

    public override void WaitForDelivery() => DeliveryWait.SpinUntil(
        this,
        static session => session._receiver.BytesReceived >= session.Output.Bytes,
        static session => session._receiver.BytesReceived,
        static session => session._receiver.Failure,
        StallLimit,
        static session => string.Create(CultureInfo.InvariantCulture,
            $"WinRT TCP receiver got {session._receiver.BytesReceived} of {session.Output.Bytes} bytes and nothing more for {StallLimit.TotalSeconds} s."));

    public override void Dispose()
    {
        _client.Dispose();
        _receiver.Dispose();
        _listener.Dispose();
    }
}

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

    private WinRtUdpSession(BatchShape shape, SessionOptions options, DatagramSocket sender, DatagramSocket receiverSocket, WinRtDatagramReceiver receiver)
        : base(shape, options, sender.OutputStream)
    {
        _sender = sender;
        _receiverSocket = receiverSocket;
        _receiver = receiver;
        _marker = GC.AllocateArray<byte>(receiver.MarkerLength, pinned: true);
        _markerBuffer = _marker.AsBuffer();
    }

    public static async Task<WinRtUdpSession> CreateAsync(BatchShape shape, SessionOptions options)
    {
        var host = new HostName(WinRtEndPoints.Loopback);
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
        DeliveryWait.SpinUntil(
            this,
            _ =>
            {
                if (_receiver.DatagramsReceived >= target || _receiver.LastMarkerSeen >= firstMarker)
                {
                    return true;
                }

                // Usually everything arrives within microseconds; only a straggler earns a marker, then one per retry period.
                if (markerSentAt == 0 ? Stopwatch.GetElapsedTime(started) > MarkerRetry / 8 : Stopwatch.GetElapsedTime(markerSentAt) > MarkerRetry)
                {
                    BitConverter.TryWriteBytes(_marker, ++_markerId);
                    _sender.OutputStream.WriteAsync(_markerBuffer).AsTask().GetAwaiter().GetResult();
                    markerSentAt = Stopwatch.GetTimestamp();
                }

                return false;
            },
            static session => session._receiver.DatagramsReceived,
            static session => session._receiver.Failure,
            DrainLimit,
            _ => string.Create(CultureInfo.InvariantCulture,
                $"WinRT UDP receiver counted {_receiver.DatagramsReceived} of {target} datagrams; nothing more and no drain marker came through in {DrainLimit.TotalSeconds} s."));
    }

    public override void Dispose()
    {
        _receiverSocket.MessageReceived -= _receiver.OnMessageReceived;
        _sender.Dispose();
        _receiverSocket.Dispose();
    }
}
