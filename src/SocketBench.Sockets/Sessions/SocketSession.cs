using System.Net.Sockets;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;
using SocketBench.Core;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.DotNet;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Outputs;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Sessions;

/// <summary>
/// A connected sender and a counting receiver on loopback, the payload of one batch, and the output the
/// strategies write to. One session serves one benchmark case: batches follow each other freely and
/// <see cref="WaitForDelivery"/> closes a measured invocation once everything sent so far has arrived.
/// </summary>
public abstract class SocketSession : ISendSession
{
    private long _sentAtLastRead;
    private DotNetApiSender? _dotNet;

    private protected SocketSession(BatchShape shape, SessionOptions options, Socket sender, Func<NativeSocket, SendCounters, QueuedSendOutput> createOutput, Receiver receiver)
    {
        Shape = shape;
        Sender = sender;
        Payload = new PayloadSet(shape, options.Verify);
        Native = new NativeSocket(sender, Counters);
        Output = createOutput(Native, Counters);
        Receiving = receiver;
        Receiving.Start();
    }

    /// <summary>Opens a loopback pair for the shape's transport. The shape was validated before any socket opens.</summary>
    public static SocketSession Open(BatchShape shape, SessionOptions? options = null) => shape.Transport == Transport.Tcp
        ? TcpSession.Create(shape, options ?? SessionOptions.Default)
        : UdpSession.Create(shape, options ?? SessionOptions.Default);

    /// <summary>Opens a TLS 1.3 stream over a TCP loopback pair; the shape must be a TCP one.</summary>
    public static SocketSession OpenTls(BatchShape shape, SessionOptions? options = null) => shape.Transport == Transport.Tcp
        ? TlsSession.Create(shape, options ?? SessionOptions.Default)
        : throw new InvalidCaseException($"TLS runs over a TCP stream, not over '{shape}'. Example: new BatchShape(Transport.Tcp, 64, 16).");

    /// <summary>The session's protocol, "Tcp", "Udp" or "Tls" (a <see cref="Core.Cases.CaseTransport"/> name): the delivery record is matched to its case by it.</summary>
    public virtual string Protocol => Shape.Transport.ToString();

    public BatchShape Shape { get; }

    public PayloadSet Payload { get; }

    /// <summary>The batch's buffers, in the shape the strategies take.</summary>
    public IReadOnlyList<PinnedBuffer> Buffers => Payload.Buffers;

    /// <summary>The output the three strategies write to.</summary>
    public QueuedSendOutput Output { get; }

    public SendCounters Counters { get; } = new();

    /// <summary>The sending socket's descriptor: what the kernel's send count is filtered on.</summary>
    public int SenderFd => Native.Fd;

    public abstract DeliveryReport Delivery { get; }

    Backend ISendSession.Backend => Backend.Sockets;

    DeliveryTotals ISendSession.Totals => Delivery.Totals;

    ValueTask ISendSession.SendBatchAsync(SendStrategy strategy) => SendBatchAsync(SendMethods.From(strategy));

    private protected Socket Sender { get; }

    private protected NativeSocket Native { get; }

    /// <summary>Whether raw sends may go on the socket; not under TLS, where they would put plaintext in the record stream.</summary>
    private protected virtual bool OffersRawSends => true;

    /// <summary>Reference row: one raw send(2) per buffer, no .NET socket layer.</summary>
    public unsafe void SyscallPerBuffer()
    {
        if (!OffersRawSends)
        {
            throw new NotSupportedException($"SyscallPerBuffer is not a {Protocol} row: a raw send would bypass the stream's framing.");
        }

        foreach (var buffer in Payload.AsSpan())
        {
            Native.Send(buffer.Pointer, buffer.Length);
        }

        Counters.AddBatch(Shape.BufferCount, Shape.BytesPerBatch);
    }

    /// <summary>Sends one batch with any method; in verify mode first stamps the buffers with their sequence numbers.</summary>
    public ValueTask SendBatchAsync(SendMethod method)
    {
        Payload.StampNextBatch();
        switch (method)
        {
            case SendMethod.PerBufferAwait:
                return SendStrategies.PerBufferAwait(Output, Buffers);
            case SendMethod.FlushBatched:
                return SendStrategies.FlushBatched(Output, Buffers);
            case SendMethod.TaskWaitAll:
                SendStrategies.TaskWaitAll(Output, Buffers);
                break;
            case SendMethod.SyscallPerBuffer:
                SyscallPerBuffer();
                break;
            default:
                SendReferenceBatch(method);
                break;
        }

        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Sends one batch through one of .NET's own send APIs (in verify mode stamped first, as every method's). From then on
    /// the session's send calls are not counted: those APIs make theirs inside .NET, out of this code's sight.
    /// </summary>
    public ValueTask SendBatchAsync(DotNetApi api)
    {
        Payload.StampNextBatch();
        _dotNet ??= CreateDotNetApiSender();
        return _dotNet.SendBatchAsync(api, Buffers, Shape.BytesPerBatch, Counters);
    }

    /// <summary>Blocks until the receiver has everything sent so far (UDP: or it is proven lost).</summary>
    public abstract void WaitForDelivery();

    /// <summary>Inline receiver mode: the bytes sent between two reads of the benchmark thread (at most one batch more).</summary>
    public const int InlineReadInterval = 64 << 10;

    /// <summary>
    /// Inline receiver mode: socket buffers (each side) large enough for a whole batch plus one read interval, so a
    /// blocking send never waits for a reader that runs on its own thread. Past net.core.rmem_max, so root or CAP_NET_ADMIN.
    /// </summary>
    private const int InlineSocketBuffer = 16 << 20;

    /// <summary>
    /// Called by the benchmark loops after every batch. In inline mode it reads what has arrived once
    /// <see cref="InlineReadInterval"/> bytes went out since the last read; with a receiver thread it does nothing.
    /// </summary>
    public void AfterBatch()
    {
        if (Receiving.Inline && Counters.Bytes - _sentAtLastRead >= InlineReadInterval)
        {
            _sentAtLastRead = Counters.Bytes;
            Receiving.ReceiveQueued();
        }
    }

    /// <summary>Whatever counts this session's delivery: a local receiver (a thread, or inline) or a remote sink's reader.</summary>
    private protected Receiver Receiving { get; }

    /// <summary>Whether this process may give sockets the buffers an inline receiver needs (Linux, root or CAP_NET_ADMIN).</summary>
    public static bool CanReceiveInline()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        return TryMakeRoomForInline(probe, probe);
    }

    private static bool TryMakeRoomForInline(Socket sender, Socket receiver) =>
        SocketBuffers.TryForce(sender, SocketBuffers.SoSndBufForce, InlineSocketBuffer) && SocketBuffers.TryForce(receiver, SocketBuffers.SoRcvBufForce, InlineSocketBuffer);

    /// <summary>Inline mode: gives both ends room for a batch and a read interval, or refuses the mode in one line.</summary>
    private protected static void MakeRoomForInline(Socket sender, Socket receiver)
    {
        if (!TryMakeRoomForInline(sender, receiver))
        {
            throw new NotSupportedException(
                $"--receiver inline needs {InlineSocketBuffer >> 20} MiB socket buffers, past net.core.rmem_max/wmem_max: run as root (or with CAP_NET_ADMIN), or use --receiver spin.");
        }
    }

    /// <summary>What the .NET API rows send with: the connected socket itself here; a TLS session hands over its SslStream.</summary>
    private protected virtual DotNetApiSender CreateDotNetApiSender() =>
        DotNetApiSender.OverSocket(Shape.Transport == Transport.Udp ? CaseTransport.Udp : CaseTransport.Tcp, Sender);

    private protected abstract void SendReferenceBatch(SendMethod method);

    private protected void ThrowIfReceiverFailed() => DeliveryWait.ThrowIfFailed(Receiving.Failure);

    /// <summary>Closes the sending side, then the receiving side; no finalizer, as nothing unmanaged is held outside them.</summary>
    public virtual void Dispose()
    {
        _dotNet?.Dispose();
        Output.Dispose();
        Native.Dispose();
        Sender.Dispose();
        Receiving.Dispose();
    }
}

/// <summary>What a session sent and what its receiver got, over the whole session.</summary>
/// <param name="SendCalls">
/// Send system calls; on a TLS session, the socket writes under the SslStream. Null when the session sent through one of
/// .NET's own APIs, whose send calls are made inside .NET and are not counted (never reported as 0).
/// </param>
/// <param name="TlsWrites">TLS sessions only (0 elsewhere): SslStream.Write calls.</param>
/// <param name="TlsRecords">TLS sessions only (0 elsewhere): TLS records those writes put on the wire.</param>
public readonly record struct DeliveryReport(
    long? SendCalls,
    long BuffersSent,
    long BytesSent,
    long BuffersDelivered,
    long BytesDelivered,
    long TlsWrites = 0,
    long TlsRecords = 0)
{
    /// <summary>A byte stream's report: the buffers delivered are the whole buffers' worth of the bytes that arrived.</summary>
    public static DeliveryReport OfStream(long? sendCalls, long buffersSent, long bytesSent, long bytesDelivered, int bufferSize, long tlsWrites = 0, long tlsRecords = 0) =>
        new(sendCalls, buffersSent, bytesSent, bytesDelivered / bufferSize, bytesDelivered, tlsWrites, tlsRecords);

    /// <summary>Send calls that crossed into the kernel per buffer sent; null when they were not counted.</summary>
    public double? SendsPerBuffer => SendCalls is not long calls ? null : BuffersSent == 0 ? double.NaN : (double)calls / BuffersSent;

    /// <summary>The backend-neutral part: what was sent and what arrived.</summary>
    public DeliveryTotals Totals => new(BuffersSent, BytesSent, BuffersDelivered, BytesDelivered);
}
