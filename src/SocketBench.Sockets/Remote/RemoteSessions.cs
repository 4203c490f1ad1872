using System.Buffers.Binary;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketBench.Core.Batches;
using SocketBench.Core.Peers;
using SocketBench.Sockets.Sessions;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Remote;

/// <summary>A peer that did not answer: the message names it and the port, in one line.</summary>
public sealed class PeerUnreachableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Opens a send session against a <c>socketbench serve</c> peer instead of a loopback receiver. The
/// session is the same class a loopback run uses, so every send method runs unchanged; only the
/// delivery counts come from the peer's sink (see docs/peers.md for the protocol).
/// </summary>
public static class RemoteSessions
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HelloResend = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan HelloLimit = TimeSpan.FromSeconds(5);

    public static SocketSession Open(BatchShape shape, PeerAddress peer, SessionOptions? options = null)
    {
        bool tcp = shape.Transport == Transport.Tcp;
        var address = peer.Resolve();
        var sink = new IPEndPoint(address, peer.SinkPort);
        var sender = new Socket(address.AddressFamily, tcp ? SocketType.Stream : SocketType.Dgram, tcp ? ProtocolType.Tcp : ProtocolType.Udp);
        try
        {
            return tcp
                ? OpenTcp(shape, options ?? SessionOptions.Default, sender, sink)
                : OpenUdp(shape, peer, options ?? SessionOptions.Default, sender, sink);
        }
        catch (Exception error)
        {
            sender.Dispose();
            if (error is SocketException or OperationCanceledException)
            {
                throw Unreachable(peer, shape.Transport.ToString().ToUpperInvariant() + " sink", peer.SinkPort, error);
            }

            throw;
        }
    }

    private static TcpSession OpenTcp(BatchShape shape, SessionOptions options, Socket sender, IPEndPoint sink)
    {
        sender.NoDelay = options.NoDelay;
        // Reachability is tried on a throwaway socket, within a time limit: .NET leaves a socket non-blocking once an
        // async call was made on it and then emulates each blocking Send with retries the code cannot count, which the
        // kernel's send count catches. The sender itself connects blocking, as on loopback.
        using (var probe = new Socket(sink.AddressFamily, SocketType.Stream, ProtocolType.Tcp))
        using (var timeout = new CancellationTokenSource(ConnectLimit))
        {
            probe.ConnectAsync(sink, timeout.Token).AsTask().GetAwaiter().GetResult();
        }

        sender.Connect(sink);

        sender.Send(SinkWire.TcpHello(shape.BufferSize, options.Verify));
        return new TcpSession(shape, options, sender, new SinkCountReader(sender));
    }

    private static UdpSession OpenUdp(BatchShape shape, PeerAddress peer, SessionOptions options, Socket sender, IPEndPoint control)
    {
        sender.Bind(new IPEndPoint(control.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
        long nonce = Random.Shared.NextInt64(1, long.MaxValue);
        var (welcome, roundTrip) = OpenUdpSession(sender, control, SinkWire.UdpHello(shape.BufferSize, options.Verify, nonce), nonce, peer);

        // The session socket on the peer is connected to this socket's address and port, so this socket sends the data too.
        sender.Connect(new IPEndPoint(control.Address, welcome.Size));
        var answers = new SinkAnswerReader(sender)
        {
            Stopped = () => SayGoodbye(control, SinkWire.UdpHello(shape.BufferSize, verify: false, nonce, close: true)),
        };

        // A lost marker costs one retry interval inside the measured time, so retry soon, but not before an answer could be back.
        var retry = TimeSpan.FromTicks(Math.Clamp(roundTrip.Ticks * 3, TimeSpan.FromMilliseconds(2).Ticks, TimeSpan.FromMilliseconds(200).Ticks));
        return new UdpSession(shape, options, sender, answers, welcome.ReceiveBufferBytes, retry);
    }

    /// <summary>
    /// Sends the opening until a welcome with its nonce comes back, within a bounded time: both can be lost on a lossy link.
    /// Returns the welcome and the round trip of the opening that got it (an estimate for marker retries).
    /// </summary>
    private static (SinkWire.Header Welcome, TimeSpan RoundTrip) OpenUdpSession(Socket socket, IPEndPoint sink, byte[] hello, long nonce, PeerAddress peer)
    {
        var reply = new byte[256];
        socket.ReceiveTimeout = (int)HelloResend.TotalMilliseconds;
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < HelloLimit)
        {
            long sentAt = Stopwatch.GetTimestamp();
            socket.SendTo(hello, sink);
            while (Stopwatch.GetElapsedTime(sentAt) < HelloResend)
            {
                int received;
                try
                {
                    // Whoever sent it: the nonce, not the address, says a welcome is ours.
                    received = socket.Receive(reply);
                }
                catch (SocketException error) when (error.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset or SocketError.ConnectionRefused)
                {
                    break;
                }

                if (SinkWire.ReadUdpWelcome(reply.AsSpan(0, received)) is { } welcome && welcome.Nonce == nonce)
                {
                    if (welcome.Flags != SinkWire.StatusOk)
                    {
                        throw new PeerUnreachableException($"peer {peer} refused a UDP sink session (too many open); try again when its other runs end");
                    }

                    socket.ReceiveTimeout = 0;
                    return (welcome, Stopwatch.GetElapsedTime(sentAt));
                }
            }
        }

        throw new PeerUnreachableException(
            $"peer {peer} unreachable: its UDP sink on port {sink.Port} did not answer in {HelloLimit.TotalSeconds:0} s; is `socketbench serve` running there?");
    }

    /// <summary>Best effort: lets the sink free the session now rather than when it goes idle.</summary>
    private static void SayGoodbye(IPEndPoint sink, byte[] goodbye)
    {
        try
        {
            using var socket = new Socket(sink.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            // Twice: on a lossy link one copy may be dropped, and a repeat is harmless.
            socket.SendTo(goodbye, sink);
            socket.SendTo(goodbye, sink);
        }
        catch (SocketException)
        {
            // The sink also closes idle sessions on its own.
        }
    }

    /// <summary>The one-line failure for a peer port that did not answer.</summary>
    public static PeerUnreachableException Unreachable(PeerAddress peer, string what, int port, Exception error) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"peer {peer} unreachable: its {what} on port {port} did not answer ({(error is OperationCanceledException ? $"no connection within {ConnectLimit.TotalSeconds} s" : error.Message)}); is `socketbench serve` running there?"),
            error);
}

/// <summary>
/// The sending side of a remote TCP session learns delivery from the peer's sink: after each of its
/// reads the sink sends back the bytes it has received so far, and this thread reads those counts
/// off the same (full-duplex) socket the data goes out on.
/// </summary>
internal sealed class SinkCountReader(Socket sender) : Receiver(sender, "socketbench sink count reader")
{
    private long _bytes;

    public override long BytesReceived => Volatile.Read(ref _bytes);

    protected override void ReceiveUntilClosed()
    {
        // Buffered as a raw reader would be: one receive of up to 4 KiB takes in every count that has arrived.
        using var counts = new BinaryReader(new BufferedStream(new NetworkStream(Socket, ownsSocket: false), 4096));
        try
        {
            long count;
            while ((count = counts.ReadInt64()) != SinkWire.FailureMark)
            {
                Volatile.Write(ref _bytes, count);
            }

            Fail("the peer's sink reports: " + ReadReason(counts));
        }
        catch (IOException error) when (!Stopping)
        {
            // NetworkStream wraps the socket's own error; the end of the stream means the sink hung up.
            Fail(error is EndOfStreamException ? "the peer's sink closed the connection" : $"receiver stopped: {(error.InnerException ?? error).Message}");
        }
    }

    /// <summary>The failure frame is the sink's last write: its reason's length (uint16), then the reason, as much of it as arrives.</summary>
    private static string ReadReason(BinaryReader frame)
    {
        try
        {
            return Encoding.UTF8.GetString(frame.ReadBytes(frame.ReadUInt16()));
        }
        catch (EndOfStreamException)
        {
            return "verification failed (no reason received)";
        }
    }
}

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

            // Anything else of another length is not an answer.
            if (received == SinkWire.AnswerLength)
            {
                RaiseTo(ref _datagrams, BinaryPrimitives.ReadInt64LittleEndian(answer.AsSpan(8)));
                RaiseTo(ref _bytes, BinaryPrimitives.ReadInt64LittleEndian(answer.AsSpan(16)));
                // Counts first: a reader that sees the marker sees the counts that came with it.
                RaiseTo(ref _lastMarker, BinaryPrimitives.ReadInt64LittleEndian(answer));
            }
        }
    }

    private static void RaiseTo(ref long field, long value) => Volatile.Write(ref field, Math.Max(field, value));
}
