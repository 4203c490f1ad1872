using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading.Tasks.Sources;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Native;

namespace SocketBench.Sockets.Outputs;

/// <summary>
/// The portable output with the WinRT contract. A write is queued, and everything queued goes to
/// the kernel in one hand-off at the first moment someone needs it there: when a write's task is
/// observed (awaited, or turned into a Task) or at FlushAsync. One queued buffer is one send;
/// several are one batched send. Subclasses say what "send one" and "send many" are: a socket's
/// send calls, or an SslStream's writes.
/// </summary>
/// <remarks>
/// Why not "coalesce writes issued while a send is in flight", as a socket's own output might?
/// On Linux a send into a socket with room completes synchronously, so no send is ever in flight
/// and such an output batches nothing. Sends here also complete on the calling thread (waiting
/// for room when the socket buffer is full, as a blocking send would), so every write's task is
/// complete by the time anyone can look at it and no task object is ever allocated for it.
/// </remarks>
public abstract class QueuedSendOutput(SendCounters counters) : ISendOutput<PinnedBuffer>, IValueTaskSource, IDisposable
{
    private readonly PinnedBuffer[] _queue = new PinnedBuffer[BatchShape.MaxBufferCount];
    private int _queued;
    private short _token;
    private ExceptionDispatchInfo? _failure;
    private byte[]? _testFaultAllocation;

    protected SendCounters Counters { get; } = counters;

    public ValueTask WriteAsync(PinnedBuffer buffer)
    {
        if (_queued == _queue.Length)
        {
            SendQueued();
        }

        if (TestFaults.AllocatesPerWrite)
        {
            // Kept in a field: the JIT stack-allocates a small array that never escapes.
            _testFaultAllocation = new byte[8];
        }

        _queue[_queued++] = buffer;
        return new ValueTask(this, ++_token);
    }

    public ValueTask FlushAsync()
    {
        SendQueued();
        return _failure is null ? ValueTask.CompletedTask : ValueTask.FromException(_failure.SourceException);
    }

    ValueTaskSourceStatus IValueTaskSource.GetStatus(short token)
    {
        SendQueued();
        return _failure is null ? ValueTaskSourceStatus.Succeeded : ValueTaskSourceStatus.Faulted;
    }

    void IValueTaskSource.GetResult(short token) => _failure?.Throw();

    // GetStatus never reports Pending, so no awaiter waits here; run a continuation at once if one arrives anyway.
    void IValueTaskSource.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        ThreadPool.UnsafeQueueUserWorkItem(continuation, state, preferLocal: false);

    /// <summary>Hands one buffer to the kernel, all of it, before returning.</summary>
    protected abstract void SendOne(PinnedBuffer buffer);

    /// <summary>Hands several buffers to the kernel in as few calls as this OS allows.</summary>
    protected abstract void SendMany(ReadOnlySpan<PinnedBuffer> buffers);

    private void SendQueued()
    {
        if (_queued == 0 || _failure is not null)
        {
            return;
        }

        try
        {
            var queued = _queue.AsSpan(0, _queued);
            if (queued.Length == 1)
            {
                SendOne(queued[0]);
            }
            else
            {
                SendMany(queued);
            }

            Counters.AddBatch(queued.Length, PinnedBuffer.TotalLength(queued));
        }
        catch (Exception exception)
        {
            // The socket is broken: every write still queued, and every later one, reports this failure.
            _failure = ExceptionDispatchInfo.Capture(exception);
        }
        finally
        {
            Array.Clear(_queue, 0, _queued);
            _queued = 0;
        }
    }

    public abstract void Dispose();
}

/// <summary>A queued output straight on a socket: one queued buffer is one Socket.Send, as a .NET developer would write it.</summary>
public abstract class SocketSendOutput(Socket socket, SendCounters counters) : QueuedSendOutput(counters)
{
    protected Socket Socket { get; } = socket;

    protected override void SendOne(PinnedBuffer buffer)
    {
        var remaining = buffer.Span;
        do
        {
            Counters.SendCalls++;
            remaining = remaining[Socket.Send(remaining, SocketFlags.None)..];
        }
        while (!remaining.IsEmpty);
    }
}

/// <summary>Stream output: several queued buffers become one gather write (sendmsg with an iovec array) on Linux.</summary>
internal sealed class TcpSendOutput(Socket socket, NativeSocket native, SendCounters counters) : SocketSendOutput(socket, counters)
{
    /// <summary>The gather send on Linux (null elsewhere); the session's GatherSend row uses it too.</summary>
    internal GatherSender? Gather { get; } = OperatingSystem.IsLinux() ? new GatherSender(native) : null;

    protected override void SendMany(ReadOnlySpan<PinnedBuffer> buffers)
    {
        if (TestFaults.SendsTcpGatherPerBuffer)
        {
            foreach (var buffer in buffers)
            {
                SendOne(buffer);
            }

            return;
        }

        if (TestFaults.SendsUncounted)
        {
            Socket.Send(ReadOnlySpan<byte>.Empty, SocketFlags.None);
        }

        if (Gather is not null)
        {
            Gather.Send(buffers);
            return;
        }

        // Elsewhere .NET's own gather send: correct, but it allocates and pins on every call.
        var segments = new List<ArraySegment<byte>>(buffers.Length);
        foreach (var buffer in buffers)
        {
            segments.Add(buffer.Segment);
        }

        Counters.SendCalls++;
        Socket.Send(segments, SocketFlags.None);
    }

    public override void Dispose() => Gather?.Dispose();
}

/// <summary>
/// Connected datagram output: N writes are N datagrams. Several queued buffers go in one sendmmsg on
/// Linux; elsewhere one send per datagram (a gather send would merge them into one datagram).
/// </summary>
internal sealed class UdpSendOutput(Socket socket, NativeSocket native, SendCounters counters) : SocketSendOutput(socket, counters)
{
    /// <summary>The sendmmsg send on Linux (null elsewhere); the session's SendMmsg row uses it too.</summary>
    internal MmsgSender? Mmsg { get; } = OperatingSystem.IsLinux() ? new MmsgSender(native) : null;

    protected override void SendMany(ReadOnlySpan<PinnedBuffer> buffers)
    {
        if (Mmsg is not null)
        {
            Mmsg.Send(buffers);
            return;
        }

        foreach (var buffer in buffers)
        {
            SendOne(buffer);
        }
    }

    public override void Dispose() => Mmsg?.Dispose();
}
