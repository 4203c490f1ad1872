using System.Globalization;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Loopback;
using SocketBench.WinRT.Networking;
using SocketBench.WinRT.Receivers;
using Windows.Networking.Sockets;

namespace SocketBench.WinRT.Loopback;

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

    private WinRtTcpSession(BatchShape shape, LoopbackOptions options, StreamSocketListener listener, StreamSocket client, WinRtStreamReceiver receiver)
        : base(shape, options, client.OutputStream)
    {
        _listener = listener;
        _client = client;
        _receiver = receiver;
    }

    public static async Task<WinRtTcpSession> CreateAsync(BatchShape shape, LoopbackOptions options)
    {
        var host = HostNames.Create(HostNames.Loopback);
        var listener = new StreamSocketListener();
        var client = new StreamSocket();
        try
        {
            var accepted = new TaskCompletionSource<WinRtStreamReceiver>(TaskCreationOptions.RunContinuationsAsynchronously);
            listener.ConnectionReceived += (_, args) =>
            {
                var receiver = new WinRtStreamReceiver(args.Socket, shape.BufferSize, options.Verify);
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

    public override DeliveryReport Delivery
    {
        get
        {
            long bytes = _receiver.BytesReceived;
            return new DeliveryReport(StreamCalls, Output.Writes, Output.Bytes, bytes / Shape.BufferSize, bytes);
        }
    }

    public override void WaitForDelivery()
    {
        long target = Output.Bytes;
        SpinUntil(
            () => _receiver.BytesReceived >= target,
            () => _receiver.BytesReceived,
            () => _receiver.Failure,
            StallLimit,
            () => string.Create(CultureInfo.InvariantCulture,
                $"WinRT TCP receiver got {_receiver.BytesReceived} of {target} bytes and nothing more for {StallLimit.TotalSeconds} s."));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _client.Dispose();
            _receiver.Dispose();
            _listener.Dispose();
        }
    }
}
