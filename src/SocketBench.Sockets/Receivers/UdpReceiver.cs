using System.Buffers.Binary;
using System.Globalization;
using System.Net.Sockets;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Native;

namespace SocketBench.Sockets.Receivers;

/// <summary>
/// Counts the datagrams a connected UDP socket delivers. A datagram whose length is not the batch's
/// buffer size is a drain marker: it carries an id, and because one socket's queue is first in,
/// first out, seeing marker k proves every datagram sent before it has been counted or was lost.
/// In verify mode each data datagram's length, content and uniqueness are checked.
/// </summary>
public sealed class UdpReceiver(Socket socket, int datagramSize, bool verify) : DatagramCounter(socket, "socketbench udp receiver")
{
    private readonly HashSet<long> _seen = [];
    private long _datagrams;
    private long _bytes;
    private long _lastMarker;
    private MmsgReceiver? _inlineBatch;
    private byte[]? _inlineBuffer;

    /// <summary>A marker's length: anything but the data size, and room for its 8-byte id.</summary>
    public int MarkerLength => MarkerLengthFor(datagramSize);

    /// <summary>The drain marker's length for a run of datagrams of <paramref name="datagramSize"/> bytes.</summary>
    public static int MarkerLengthFor(int datagramSize) => datagramSize == 8 ? 16 : 8;

    public override long DatagramsReceived => Volatile.Read(ref _datagrams);

    public override long BytesReceived => Volatile.Read(ref _bytes);

    public override long LastMarkerSeen => Volatile.Read(ref _lastMarker);

    /// <summary>Called on the receive thread with each drain marker's id, after the counts it covers are published; a remote sink answers it.</summary>
    public Action<long>? AfterMarker { get; init; }

    protected override void ReceiveUntilClosed()
    {
        if (OperatingSystem.IsLinux())
        {
            ReceiveInBatches();
            return;
        }

        var buffer = new byte[65536];
        do
        {
            if (Spins)
            {
                SpinUntilReadable();
            }
        }
        while (Accept(buffer.AsSpan(0, Socket.Receive(buffer))));
    }

    private void ReceiveInBatches()
    {
        // The timeout only lets the loop notice Dispose: a raw recvmmsg is not woken by closing the socket.
        Socket.ReceiveTimeout = 200;
        bool addedRef = false;
        Socket.SafeHandle.DangerousAddRef(ref addedRef);
        try
        {
            using var batch = NewBatchReceiver();
            var spinner = default(SpinWait);
            while (!Stopping)
            {
                int received = batch.Receive(wait: !Spins);
                if (received == 0 && Spins)
                {
                    Idle(ref spinner);
                }

                if (!AcceptAll(batch, received))
                {
                    return;
                }
            }
        }
        finally
        {
            if (addedRef)
            {
                Socket.SafeHandle.DangerousRelease();
            }
        }
    }

    public override void ReceiveQueued()
    {
        if (!OperatingSystem.IsLinux())
        {
            var buffer = _inlineBuffer ??= new byte[65536];
            while (Socket.Available > 0 && Accept(buffer.AsSpan(0, Socket.Receive(buffer))))
            {
            }

            return;
        }

        // The socket stays open until Dispose, which frees this after the last read: no reference counting needed on one thread.
        _inlineBatch ??= NewBatchReceiver();
        int received;
        while ((received = _inlineBatch.Receive(wait: false)) > 0 && AcceptAll(_inlineBatch, received))
        {
        }
    }

    private MmsgReceiver NewBatchReceiver() => new((int)Socket.SafeHandle.DangerousGetHandle(), Math.Max(datagramSize, MarkerLength));

    /// <summary>Takes in the datagrams of one batch receive, in order; false when the run must stop (a wrong datagram).</summary>
    private bool AcceptAll(MmsgReceiver batch, int received)
    {
        for (int slot = 0; slot < received; slot++)
        {
            if (!Accept(batch.Datagram(slot)))
            {
                return false;
            }
        }

        return true;
    }

    protected override void ReleaseResources() => _inlineBatch?.Dispose();

    /// <summary>Counts one datagram, or takes in a drain marker; false when the run must stop (a wrong datagram).</summary>
    private bool Accept(ReadOnlySpan<byte> datagram)
    {
        int received = datagram.Length;
        if (received != datagramSize)
        {
            if (received != MarkerLength)
            {
                Fail(string.Create(CultureInfo.InvariantCulture, $"a datagram of {received} bytes arrived; every datagram in this run is {datagramSize} bytes"));
                return false;
            }

            // Counts were published before this write, so a reader that sees the marker sees them too.
            long marker = BinaryPrimitives.ReadInt64LittleEndian(datagram);
            Volatile.Write(ref _lastMarker, marker);
            AfterMarker?.Invoke(marker);
            return true;
        }

        if (verify && PayloadPattern.DatagramProblem(datagram, _seen) is { } problem)
        {
            Fail(problem);
            return false;
        }

        Volatile.Write(ref _bytes, _bytes + received);
        Volatile.Write(ref _datagrams, _datagrams + 1);
        return true;
    }
}
