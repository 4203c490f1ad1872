using System.Net.Sockets;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Receivers;

/// <summary>
/// Counts the bytes a stream delivers; in verify mode checks every byte's content and position.
/// Subclasses only say where the bytes come from: the socket itself, or a TLS stream over it.
/// </summary>
public abstract class StreamReceiver : StreamCounter
{
    private readonly int _bufferSize;
    private readonly bool _verify;
    private long _bytes;
    private byte[]? _inlineBuffer;

    protected StreamReceiver(Socket socket, string name, int bufferSize, bool verify)
        : base(socket, name)
    {
        _bufferSize = bufferSize;
        _verify = verify;
    }

    public override long BytesReceived => Volatile.Read(ref _bytes);

    /// <summary>Called on the receive thread after each read with the running total; a remote sink answers the sender with it.</summary>
    public Action<long>? AfterRead { get; init; }

    /// <summary>Whether <see cref="Read"/> spins itself in spin mode (a non-blocking read), so no readiness poll is needed first.</summary>
    protected virtual bool SpinsInRead => false;

    /// <summary>Reads what has arrived into <paramref name="buffer"/>; 0 when the peer closed the stream.</summary>
    protected abstract int Read(byte[] buffer);

    protected override void ReceiveUntilClosed()
    {
        var buffer = new byte[1 << 20];
        do
        {
            if (Spins && !SpinsInRead)
            {
                SpinUntilReadable();
            }
        }
        while (Take(buffer, Read(buffer)));
    }

    public override void ReceiveQueued()
    {
        var buffer = _inlineBuffer ??= new byte[1 << 20];
        while (Socket.Available > 0 && Take(buffer, Read(buffer)))
        {
        }
    }

    /// <summary>Inline mode: reads on the calling thread until <paramref name="target"/> bytes have arrived in all (or the check failed).</summary>
    public void ReceiveUntil(long target)
    {
        var buffer = _inlineBuffer ??= new byte[1 << 20];
        while (_bytes < target && Failure is null)
        {
            if (!Take(buffer, Read(buffer)) && Failure is null)
            {
                Fail($"the stream closed after {_bytes} of {target} bytes");
            }
        }
    }

    /// <summary>Counts one read (checking it in verify mode); false once the stream has ended or a byte was wrong.</summary>
    private bool Take(byte[] buffer, int received)
    {
        if (received == 0 || (_verify && !Verify(buffer.AsSpan(0, received), _bytes)))
        {
            return false;
        }

        Volatile.Write(ref _bytes, _bytes + received);
        AfterRead?.Invoke(_bytes);
        return true;
    }

    private bool Verify(ReadOnlySpan<byte> chunk, long streamOffset)
    {
        long mismatch = PayloadPattern.FirstStreamMismatch(chunk, streamOffset, _bufferSize);
        if (mismatch >= 0)
        {
            Fail(PayloadPattern.DescribeStreamMismatch(chunk[(int)(mismatch - streamOffset)], mismatch, _bufferSize));
            return false;
        }

        return true;
    }
}
