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
        while (true)
        {
            if (Spins && !SpinsInRead)
            {
                SpinUntilReadable();
            }

            int received = Read(buffer);
            if (received == 0)
            {
                return;
            }

            if (_verify && !Verify(buffer.AsSpan(0, received), _bytes))
            {
                return;
            }

            Volatile.Write(ref _bytes, _bytes + received);
            AfterRead?.Invoke(_bytes);
        }
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
