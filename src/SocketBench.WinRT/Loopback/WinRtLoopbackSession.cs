using System.Diagnostics;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Loopback;
using SocketBench.WinRT.Buffers;
using SocketBench.WinRT.Outputs;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Loopback;

/// <summary>
/// The WinRT twin of the portable <c>LoopbackSession</c>: a connected WinRT socket and a counting WinRT
/// receiver in the same process (the guide requires it: network isolation forbids loopback between
/// two apps), the batch's <see cref="IBuffer"/>s made once, and the socket's own output stream for the
/// strategies. Delivery has the same meaning as on the portable backend.
/// </summary>
public abstract class WinRtLoopbackSession : ISendSession
{
    private long _nextSequence;

    private protected WinRtLoopbackSession(BatchShape shape, LoopbackOptions options, IOutputStream stream)
    {
        Shape = shape;
        Options = options;
        Payload = new WinRtPayload(shape);
        Output = new WinRtSendOutput(stream);
    }

    /// <summary>Opens a loopback pair for the shape's transport. The shape was validated before any socket opens.</summary>
    public static async Task<WinRtLoopbackSession> OpenAsync(BatchShape shape, LoopbackOptions? options = null) => shape.Transport switch
    {
        Transport.Tcp => await WinRtTcpSession.CreateAsync(shape, options ?? LoopbackOptions.Default),
        Transport.Udp => await WinRtUdpSession.CreateAsync(shape, options ?? LoopbackOptions.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.Transport, "Unknown transport."),
    };

    /// <summary><see cref="OpenAsync"/> for callers that cannot await, such as a benchmark's GlobalSetup.</summary>
    public static WinRtLoopbackSession Open(BatchShape shape, LoopbackOptions? options = null) =>
        OpenAsync(shape, options).GetAwaiter().GetResult();

    public Backend Backend => Backend.WinRT;

    public BatchShape Shape { get; }

    public LoopbackOptions Options { get; }

    public WinRtPayload Payload { get; }

    /// <summary>The batch's buffers, in the shape the strategies take.</summary>
    public IReadOnlyList<IBuffer> Buffers => Payload.Buffers;

    /// <summary>The socket's output stream, as the strategies see it.</summary>
    public WinRtSendOutput Output { get; }

    /// <summary>What was sent and counted. SendCalls are WriteAsync and FlushAsync calls: WinRT does not show its system calls.</summary>
    public abstract DeliveryReport Delivery { get; }

    public DeliveryTotals Totals
    {
        get
        {
            var delivery = Delivery;
            return new DeliveryTotals(delivery.BuffersSent, delivery.BytesSent, delivery.BuffersDelivered, delivery.BytesDelivered);
        }
    }

    private protected long StreamCalls => Output.Writes + Output.Flushes;

    /// <summary>Sends one batch; in verify mode first stamps the buffers with their sequence numbers.</summary>
    public ValueTask SendBatchAsync(SendStrategy strategy)
    {
        if (Options.Verify)
        {
            Payload.Stamp(_nextSequence);
            _nextSequence += Shape.BufferCount;
        }

        return SendStrategies.Send(strategy, Output, Buffers);
    }

    public abstract void WaitForDelivery();

    /// <summary>
    /// Spins (never sleeps: a millisecond nap would swamp the microseconds measured) until <paramref name="done"/>
    /// holds, the receiver reports a failure, or <paramref name="progress"/> has not moved for <paramref name="stallLimit"/>.
    /// </summary>
    private protected static void SpinUntil(Func<bool> done, Func<long> progress, Func<string?> failure, TimeSpan stallLimit, Func<string> describeStall)
    {
        var spinner = new SpinWait();
        long lastSeen = progress();
        long lastMoved = Stopwatch.GetTimestamp();
        while (!done())
        {
            spinner.SpinOnce(sleep1Threshold: -1);
            if (spinner.Count % 1024 != 0)
            {
                continue;
            }

            if (failure() is { } reason)
            {
                throw new InvalidOperationException($"Delivery check failed: {reason}.");
            }

            long seen = progress();
            if (seen != lastSeen)
            {
                lastSeen = seen;
                lastMoved = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastMoved) > stallLimit)
            {
                throw new TimeoutException(describeStall());
            }
        }

        if (failure() is { } late)
        {
            throw new InvalidOperationException($"Delivery check failed: {late}.");
        }
    }

    protected abstract void Dispose(bool disposing);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }
}
