using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace SocketBench.Sockets.Remote.Sink;

/// <summary>
/// The UDP sink's control socket. A sender's opening (resent until answered, so it may arrive more than
/// once) gets a session socket of its own, connected back to the sender, whose port the welcome carries.
/// Sessions end on the sender's goodbye or when idle, whichever comes first.
/// </summary>
internal sealed class UdpSink : SinkLoop
{
    private const int MaxSessions = 32;
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, UdpSinkSession> _sessions = new();

    private UdpSink(Socket control, Action<string> log)
        : base(control, log, "socketbench udp sink control")
    {
    }

    public static UdpSink Start(IPEndPoint listen, Action<string> log)
    {
        var control = Prepared(new Socket(listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp), socket =>
        {
            // The packet's destination address tells which local address a session socket must answer from.
            socket.SetSocketOption(listen.AddressFamily == AddressFamily.InterNetworkV6 ? SocketOptionLevel.IPv6 : SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            socket.Bind(listen);
            // Wakes the loop now and then to close idle sessions.
            socket.ReceiveTimeout = 1000;
        });
        var sink = new UdpSink(control, log);
        sink.Start();
        return sink;
    }

    public int OpenSessions => _sessions.Count;

    protected override void Serve()
    {
        var datagram = new byte[2048];
        while (!Stopping)
        {
            int received;
            EndPoint from = new IPEndPoint(Socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
            IPPacketInformation packet;
            try
            {
                SocketFlags flags = SocketFlags.None;
                received = Socket.ReceiveMessageFrom(datagram, 0, datagram.Length, ref flags, ref from, out packet);
            }
            catch (SocketException error) when (error.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset or SocketError.MessageSize)
            {
                CloseIdleSessions();
                continue;
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (SinkWire.ReadUdpHello(datagram.AsSpan(0, received)) is { } hello)
            {
                try
                {
                    Handle(hello, (IPEndPoint)from, packet.Address);
                }
                catch (SocketException error)
                {
                    // One sender's trouble (a reply the network refused, no port left) must not stop the sink for the others.
                    Log($"sink could not answer a UDP opening from {from}: {error.Message}");
                }
            }

            CloseIdleSessions();
        }
    }

    private void Handle(SinkWire.UdpHelloFields hello, IPEndPoint sender, IPAddress localAddress)
    {
        if (hello.Close)
        {
            if (_sessions.TryRemove(hello.Nonce, out var ended))
            {
                ended.Dispose();
            }

            return;
        }

        if (!_sessions.TryGetValue(hello.Nonce, out var session))
        {
            if (_sessions.Count >= MaxSessions)
            {
                Log($"sink refused a UDP session from {sender}: {MaxSessions} sessions already open");
                Socket.SendTo(SinkWire.UdpWelcome(SinkWire.StatusRefused, 0, hello.Nonce, 0), sender);
                return;
            }

            session = UdpSinkSession.Open(localAddress, sender, hello, Log);
            _sessions[hello.Nonce] = session;
        }

        // A repeated opening means the welcome was lost: answer again with the same session.
        Socket.SendTo(SinkWire.UdpWelcome(SinkWire.StatusOk, session.Port, hello.Nonce, session.ReceiveBufferBytes), sender);
    }

    private void CloseIdleSessions()
    {
        foreach (var (nonce, session) in _sessions)
        {
            if (Stopwatch.GetElapsedTime(session.LastActive) > IdleLimit && _sessions.TryRemove(nonce, out _))
            {
                session.Dispose();
            }
        }
    }

    protected override void CloseSessions()
    {
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }
}
