using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Remote;

/// <summary>
/// The sending side of a remote TCP session learns delivery from the peer's sink: after each of its
/// reads the sink sends back the bytes it has received so far, and this thread reads those counts
/// off the same (full-duplex) socket the data goes out on.
/// </summary>
internal sealed class SinkCountReader(Socket sender) : StreamCounter(sender, "socketbench sink count reader")
{
    private long _bytes;

    public override long BytesReceived => Volatile.Read(ref _bytes);

    protected override void ReceiveUntilClosed()
    {
        var buffer = new byte[4096];
        int filled = 0;
        while (true)
        {
            int received = Socket.Receive(buffer, filled, buffer.Length - filled, SocketFlags.None);
            if (received == 0)
            {
                if (!Stopping)
                {
                    Fail("the peer's sink closed the connection");
                }

                return;
            }

            filled += received;
            int offset = 0;
            while (filled - offset >= SinkWire.CountLength)
            {
                long count = BinaryPrimitives.ReadInt64LittleEndian(buffer.AsSpan(offset));
                if (count == SinkWire.FailureMark)
                {
                    Fail("the peer's sink reports: " + ReadReason(buffer.AsSpan(offset + SinkWire.CountLength, filled - offset - SinkWire.CountLength)));
                    return;
                }

                Volatile.Write(ref _bytes, count);
                offset += SinkWire.CountLength;
            }

            // Keep a partial count for the next read.
            buffer.AsSpan(offset, filled - offset).CopyTo(buffer);
            filled -= offset;
        }
    }

    private string ReadReason(ReadOnlySpan<byte> rest)
    {
        // The failure frame is the sink's last write; whatever part of it came in one read is enough to name the problem.
        if (rest.Length < 2)
        {
            return "verification failed (no reason received)";
        }

        int length = Math.Min(BinaryPrimitives.ReadUInt16LittleEndian(rest), rest.Length - 2);
        return Encoding.UTF8.GetString(rest.Slice(2, length));
    }
}
