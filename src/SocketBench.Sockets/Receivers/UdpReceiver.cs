using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Receivers;

/// <summary>
/// Counts the datagrams a connected UDP socket delivers. A datagram whose length is not the batch's
/// buffer size is a drain marker: it carries an id, and because one socket's queue is first in,
/// first out, seeing marker k proves every datagram sent before it has been counted or was lost.
/// In verify mode each data datagram's length, content and uniqueness are checked.
/// </summary>
public sealed class UdpReceiver : Receiver
{
    private readonly int _datagramSize;
    private readonly bool _verify;
    private readonly HashSet<long> _seen = [];
    private long _datagrams;
    private long _bytes;
    private long _lastMarker;

    public UdpReceiver(Socket socket, int datagramSize, bool verify)
        : base(socket, "socketbench udp receiver")
    {
        _datagramSize = datagramSize;
        _verify = verify;
    }

    /// <summary>A marker's length: anything but the data size, and room for its 8-byte id.</summary>
    public int MarkerLength => _datagramSize == 8 ? 16 : 8;

    public long DatagramsReceived => Volatile.Read(ref _datagrams);

    public long BytesReceived => Volatile.Read(ref _bytes);

    public long LastMarkerSeen => Volatile.Read(ref _lastMarker);

    protected override void ReceiveUntilClosed()
    {
        var buffer = new byte[65536];
        while (true)
        {
            int received = Socket.Receive(buffer);
            var datagram = buffer.AsSpan(0, received);
            if (received != _datagramSize)
            {
                if (received != MarkerLength)
                {
                    Fail(string.Create(CultureInfo.InvariantCulture, $"a datagram of {received} bytes arrived; every datagram in this run is {_datagramSize} bytes"));
                    return;
                }

                // Counts were published before this write, so a reader that sees the marker sees them too.
                Volatile.Write(ref _lastMarker, BinaryPrimitives.ReadInt64LittleEndian(datagram));
                continue;
            }

            if (_verify && !Verify(datagram))
            {
                return;
            }

            Volatile.Write(ref _bytes, _bytes + received);
            Volatile.Write(ref _datagrams, _datagrams + 1);
        }
    }

    private bool Verify(ReadOnlySpan<byte> datagram)
    {
        long sequence = PayloadPattern.ReadSequence(datagram);
        int mismatch = PayloadPattern.FirstMismatch(datagram, sequence);
        if (mismatch >= 0)
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"datagram {sequence} is corrupt at offset {mismatch}"));
            return false;
        }

        // Shorter datagrams carry only the low bytes of their number, so uniqueness is checkable from 8 bytes up.
        if (datagram.Length >= PayloadPattern.SequenceBytes && !_seen.Add(sequence))
        {
            Fail(string.Create(CultureInfo.InvariantCulture, $"datagram {sequence} arrived twice"));
            return false;
        }

        return true;
    }
}
