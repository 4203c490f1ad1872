using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Remote;

/// <summary>
/// The sending side of a remote UDP session learns delivery from the sink's answers to its drain
/// markers: each answer names the marker and what the sink had counted when that marker arrived.
/// Answers can be lost or, on a real network, reordered, so counts only ever move forward.
/// </summary>
internal sealed class SinkAnswerReader(Socket sender) : DatagramCounter(sender, "socketbench sink answer reader")
{
    private long _datagrams;
    private long _bytes;
    private long _lastMarker;

    public override long DatagramsReceived => Volatile.Read(ref _datagrams);

    public override long BytesReceived => Volatile.Read(ref _bytes);

    public override long LastMarkerSeen => Volatile.Read(ref _lastMarker);

    protected override void ReceiveUntilClosed()
    {
        // The timeout only lets the loop notice Dispose.
        Socket.ReceiveTimeout = 200;
        var answer = new byte[2048];
        while (!Stopping)
        {
            int received;
            try
            {
                received = Socket.Receive(answer);
            }
            catch (SocketException error) when (error.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionRefused)
            {
                // ConnectionRefused is an ICMP error for a datagram sent earlier; the next marker's answer decides.
                continue;
            }

            if (received >= SinkWire.CountLength && BinaryPrimitives.ReadInt64LittleEndian(answer) == SinkWire.FailureMark)
            {
                Fail("the peer's sink reports: " + Encoding.UTF8.GetString(answer, SinkWire.CountLength, received - SinkWire.CountLength));
                return;
            }

            if (received != SinkWire.AnswerLength)
            {
                continue;
            }

            var span = answer.AsSpan();
            long marker = BinaryPrimitives.ReadInt64LittleEndian(span);
            RaiseTo(ref _datagrams, BinaryPrimitives.ReadInt64LittleEndian(span[8..]));
            RaiseTo(ref _bytes, BinaryPrimitives.ReadInt64LittleEndian(span[16..]));
            // Counts first: a reader that sees the marker sees the counts that came with it.
            RaiseTo(ref _lastMarker, marker);
        }
    }

    private static void RaiseTo(ref long field, long value)
    {
        if (value > field)
        {
            Volatile.Write(ref field, value);
        }
    }
}
