using System.Net.Sockets;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Receivers;

/// <summary>
/// The receiving end of a loopback pair: a dedicated thread that reads as fast as it can and
/// publishes what arrived. A thread rather than async reads, so the receiver never waits for a
/// thread-pool thread and its cost does not depend on the strategy under test.
/// </summary>
public abstract class Receiver(Socket socket, string name) : IDisposable
{
    private Thread? _thread;
    private volatile bool _stopping;
    private volatile string? _failure;

    protected Socket Socket { get; } = socket;

    /// <summary>Payload bytes delivered so far: counted here, or, for a remote peer, as the peer's sink reports them.</summary>
    public abstract long BytesReceived { get; }

    /// <summary>Why the receiver stopped early (a socket error or, in verify mode, the first wrong byte), or null.</summary>
    public string? Failure => _failure;

    /// <summary>Starts the receive thread; an inline receiver has none.</summary>
    public void Start()
    {
        if (!Inline)
        {
            _thread = new Thread(Run) { IsBackground = true, Name = name };
            _thread.Start();
        }
    }

    /// <summary>Called on the receive thread once the loop has ended (peer closed, failure, or Dispose); a remote sink reports the end through it.</summary>
    public Action? Stopped { get; init; }

    /// <summary>Set once the owner disposes the receiver; a receive loop that wakes up on a timeout checks it.</summary>
    protected bool Stopping => _stopping;

    /// <summary>Where the receiver runs and how it waits (the session's <see cref="SessionOptions.Receiver"/>); set before <see cref="Start"/>.</summary>
    public ReceiverMode Mode { get; init; } = ReceiverMode.Block;

    /// <summary>
    /// <see cref="ReceiverMode.Spin"/>: the thread runs on the last CPU and polls instead of sleeping in
    /// the kernel, so no send pays for waking it.
    /// </summary>
    public bool Spins => Mode == ReceiverMode.Spin;

    /// <summary><see cref="ReceiverMode.Inline"/>: no thread; the session reads on the benchmark thread through <see cref="ReceiveQueued"/>.</summary>
    public bool Inline => Mode == ReceiverMode.Inline;

    /// <summary>How long an inline read waits for data that should already be on its way before it calls the run broken.</summary>
    protected static readonly TimeSpan InlineStallLimit = TimeSpan.FromSeconds(30);

    /// <summary>Inline mode: reads, on the calling thread, everything the socket has queued, without waiting for more.</summary>
    public virtual void ReceiveQueued() =>
        throw new NotSupportedException($"{GetType().Name} reads on its own thread; only a loopback receiver reads inline.");

    /// <summary>Spin mode: returns once the socket has something to read (or is closing), without sleeping.</summary>
    protected void SpinUntilReadable()
    {
        var spinner = default(SpinWait);
        while (!_stopping && !Socket.Poll(0, SelectMode.SelectRead))
        {
            Idle(ref spinner);
        }
    }

    /// <summary>
    /// One turn of a spinning receiver's wait. SpinWait yields the CPU now and then (never a 1 ms sleep), so the
    /// runtime's own threads (the tiered JIT's background compiler, the GC) are not starved by a receiver that owns a core.
    /// </summary>
    protected static void Idle(ref SpinWait spinner) => spinner.SpinOnce(sleep1Threshold: -1);

    protected abstract void ReceiveUntilClosed();

    protected void Fail(string reason) => _failure ??= reason;

    private void Run()
    {
        try
        {
            if (Spins)
            {
                Native.CpuAffinity.PinCurrentThread(Native.CpuAffinity.ReceiverCpu);
            }

            ReceiveUntilClosed();
        }
        // A stream over the socket (SslStream, NetworkStream) wraps the socket's error in an IOException.
        catch (Exception exception) when (exception is SocketException or ObjectDisposedException or IOException)
        {
            if (!_stopping)
            {
                Fail($"receiver stopped: {exception.Message}");
            }
        }
        finally
        {
            Stopped?.Invoke();
        }
    }

    public void Dispose()
    {
        _stopping = true;
        Socket.Dispose();
        _thread?.Join(TimeSpan.FromSeconds(5));

        ReleaseResources();
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees what a receiver holds beyond its socket, once its loop has ended.</summary>
    protected virtual void ReleaseResources()
    {
    }
}

/// <summary>
/// Whatever tells a UDP session what arrived and which drain marker came through last: a local
/// receiver, or, for a remote peer, a reader of the sink's answers to the markers.
/// </summary>
public abstract class DatagramCounter(Socket socket, string name) : Receiver(socket, name)
{
    public abstract long DatagramsReceived { get; }

    public abstract long LastMarkerSeen { get; }
}
