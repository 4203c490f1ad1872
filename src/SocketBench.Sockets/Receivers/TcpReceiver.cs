using System.Globalization;
using System.Net.Sockets;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Receivers;

/// <summary>Counts the bytes a TCP stream delivers; in verify mode checks every byte's content and position.</summary>
public sealed class TcpReceiver : Receiver
{
    private readonly int _bufferSize;
    private readonly bool _verify;
    private long _bytes;

    public TcpReceiver(Socket socket, int bufferSize, bool verify)
        : base(socket, "socketbench tcp receiver")
    {
        _bufferSize = bufferSize;
        _verify = verify;
    }

    public long BytesReceived => Volatile.Read(ref _bytes);

    protected override void ReceiveUntilClosed()
    {
        var buffer = new byte[1 << 20];
        while (true)
        {
            int received = Socket.Receive(buffer);
            if (received == 0)
            {
                return;
            }

            if (_verify && !Verify(buffer.AsSpan(0, received), _bytes))
            {
                return;
            }

            Volatile.Write(ref _bytes, _bytes + received);
        }
    }

    // The stream is buffer after buffer of the pattern; a byte's stream offset says which buffer and where in it.
    private bool Verify(ReadOnlySpan<byte> chunk, long streamOffset)
    {
        for (int index = 0; index < chunk.Length; index++)
        {
            long offset = streamOffset + index;
            long sequence = offset / _bufferSize;
            int inBuffer = (int)(offset % _bufferSize);
            byte expected = PayloadPattern.ExpectedByte(sequence, inBuffer);
            if (chunk[index] != expected)
            {
                Fail(string.Create(CultureInfo.InvariantCulture,
                    $"stream byte {offset} (buffer {sequence}, offset {inBuffer}) is 0x{chunk[index]:x2}, expected 0x{expected:x2}"));
                return false;
            }
        }

        return true;
    }
}
