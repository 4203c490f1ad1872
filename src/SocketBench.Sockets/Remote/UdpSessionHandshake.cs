using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Peers;

namespace SocketBench.Sockets.Remote;

/// <summary>
/// Opens and closes a UDP sink session. Both the opening and the welcome can be lost on a lossy link,
/// so the opening is resent until a welcome with its nonce comes back, within a bounded time.
/// </summary>
internal static class UdpSessionHandshake
{
    private static readonly TimeSpan Resend = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(5);

    /// <summary>The welcome, and the round trip of the opening that got it (an estimate for marker retries).</summary>
    public static (SinkWire.UdpWelcomeFields Welcome, TimeSpan RoundTrip) Open(Socket socket, IPEndPoint sink, int datagramSize, bool verify, long nonce, PeerAddress peer)
    {
        byte[] hello = SinkWire.UdpHello(datagramSize, verify, nonce);
        var reply = new byte[256];
        socket.ReceiveTimeout = (int)Resend.TotalMilliseconds;
        long started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < Limit)
        {
            long sentAt = Stopwatch.GetTimestamp();
            socket.SendTo(hello, sink);
            while (Stopwatch.GetElapsedTime(sentAt) < Resend)
            {
                int received;
                try
                {
                    EndPoint from = new IPEndPoint(sink.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
                    received = socket.ReceiveFrom(reply, ref from);
                }
                catch (SocketException error) when (error.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset or SocketError.ConnectionRefused)
                {
                    break;
                }

                if (SinkWire.ReadUdpWelcome(reply.AsSpan(0, received)) is { } welcome && welcome.Nonce == nonce)
                {
                    if (welcome.Status != SinkWire.StatusOk)
                    {
                        throw new PeerUnreachableException($"peer {peer} refused a UDP sink session (too many open); try again when its other runs end");
                    }

                    socket.ReceiveTimeout = 0;
                    return (welcome, Stopwatch.GetElapsedTime(sentAt));
                }
            }
        }

        throw new PeerUnreachableException(
            $"peer {peer} unreachable: its UDP sink on port {sink.Port} did not answer in {Limit.TotalSeconds:0} s; is `socketbench serve` running there?");
    }

    /// <summary>Best effort: lets the sink free the session now rather than when it goes idle.</summary>
    public static void SayGoodbye(IPEndPoint sink, int datagramSize, long nonce)
    {
        try
        {
            using var socket = new Socket(sink.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
            // Twice: on a lossy link one copy may be dropped, and a repeat is harmless.
            byte[] goodbye = SinkWire.UdpHello(datagramSize, verify: false, nonce, close: true);
            socket.SendTo(goodbye, sink);
            socket.SendTo(goodbye, sink);
        }
        catch (SocketException)
        {
            // The sink also closes idle sessions on its own.
        }
    }
}
