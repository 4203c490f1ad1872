using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Batches;
using SocketBench.Core.Peers;
using SocketBench.Sockets.Loopback;

namespace SocketBench.Sockets.Remote;

/// <summary>
/// Opens a send session against a <c>socketbench serve</c> peer instead of a loopback receiver. The
/// session is the same class a loopback run uses, so every send method runs unchanged; only the
/// delivery counts come from the peer's sink (see docs/peers.md for the protocol).
/// </summary>
public static class RemoteSessions
{
    private static readonly TimeSpan ConnectLimit = TimeSpan.FromSeconds(5);

    public static LoopbackSession Open(BatchShape shape, PeerAddress peer, LoopbackOptions? options = null) => shape.Transport switch
    {
        Transport.Tcp => OpenTcp(shape, peer, options ?? LoopbackOptions.Default),
        Transport.Udp => OpenUdp(shape, peer, options ?? LoopbackOptions.Default),
        _ => throw new ArgumentOutOfRangeException(nameof(shape), shape.Transport, "Unknown transport."),
    };

    private static TcpLoopbackSession OpenTcp(BatchShape shape, PeerAddress peer, LoopbackOptions options)
    {
        var address = peer.Resolve();
        var sink = new IPEndPoint(address, peer.SinkPort);
        var sender = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = options.NoDelay };
        try
        {
            // Reachability is tried on a throwaway socket, within a time limit: .NET leaves a socket non-blocking once an
            // async call was made on it and then emulates each blocking Send with retries the code cannot count, which the
            // kernel's send count catches. The sender itself connects blocking, as on loopback.
            using (var probe = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp))
            using (var timeout = new CancellationTokenSource(ConnectLimit))
            {
                probe.ConnectAsync(sink, timeout.Token).AsTask().GetAwaiter().GetResult();
            }

            sender.Connect(sink);

            sender.Send(SinkWire.TcpHello(shape.BufferSize, options.Verify));
            return TcpLoopbackSession.Over(shape, options, sender, new SinkCountReader(sender));
        }
        catch (Exception error) when (error is SocketException or OperationCanceledException)
        {
            sender.Dispose();
            throw Unreachable(peer, "TCP sink", peer.SinkPort, error);
        }
    }

    private static UdpLoopbackSession OpenUdp(BatchShape shape, PeerAddress peer, LoopbackOptions options)
    {
        var address = peer.Resolve();
        var sender = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            sender.Bind(new IPEndPoint(address.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            long nonce = Random.Shared.NextInt64(1, long.MaxValue);
            var (welcome, roundTrip) = UdpSessionHandshake.Open(sender, new IPEndPoint(address, peer.SinkPort), shape.BufferSize, options.Verify, nonce, peer);

            // The session socket on the peer is connected to this socket's address and port, so this socket sends the data too.
            sender.Connect(new IPEndPoint(address, welcome.SessionPort));
            var controlEndPoint = new IPEndPoint(address, peer.SinkPort);
            var answers = new SinkAnswerReader(sender)
            {
                Stopped = () => UdpSessionHandshake.SayGoodbye(controlEndPoint, shape.BufferSize, nonce),
            };

            // A lost marker costs one retry interval inside the measured time, so retry soon, but not before an answer could be back.
            var retry = TimeSpan.FromTicks(Math.Clamp(roundTrip.Ticks * 3, TimeSpan.FromMilliseconds(2).Ticks, TimeSpan.FromMilliseconds(200).Ticks));
            return UdpLoopbackSession.Over(shape, options, sender, answers, welcome.ReceiveBufferBytes, retry);
        }
        catch (SocketException error)
        {
            sender.Dispose();
            throw Unreachable(peer, "UDP sink", peer.SinkPort, error);
        }
        catch
        {
            sender.Dispose();
            throw;
        }
    }

    /// <summary>The one-line failure for a peer port that did not answer.</summary>
    public static PeerUnreachableException Unreachable(PeerAddress peer, string what, int port, Exception error) =>
        new(string.Create(CultureInfo.InvariantCulture,
            $"peer {peer} unreachable: its {what} on port {port} did not answer ({(error is OperationCanceledException ? $"no connection within {ConnectLimit.TotalSeconds} s" : error.Message)}); is `socketbench serve` running there?"),
            error);
}
