using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Remote.Sink;

/// <summary>
/// The receiving side of remote send benchmarks: a TCP sink and a UDP sink on one port number. Each
/// counts (and in verify mode checks) what arrives exactly as a loopback receiver does, and tells the
/// sender what it counted, so remote figures are measured on delivered data too.
/// </summary>
/// <remarks>
/// Each sink socket is served by a thread of its own, like the loopback receivers, so the sink never waits for the
/// thread pool. A TCP connection reads its opening on a thread of its own too. A UDP sender's opening (resent until
/// answered, so it may arrive more than once) gets a session socket of its own, connected back to the sender, whose
/// port the welcome carries; sessions end on the sender's goodbye or when idle, whichever comes first.
/// </remarks>
public sealed class SinkServer : IDisposable
{
    private const int MaxConnections = 64;
    private const int MaxSessions = 32;
    private static readonly TimeSpan IdleLimit = TimeSpan.FromSeconds(30);

    private readonly Socket _listener;
    private readonly Socket _control;
    private readonly Action<string> _log;
    private readonly Thread[] _threads;
    private static readonly TimeSpan HelloLimit = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<Socket, byte> _connections = new();
    private readonly ConcurrentDictionary<long, UdpSinkSession> _sessions = new();
    private volatile bool _stopping;

    private SinkServer(Socket listener, Socket control, Action<string> log)
    {
        _listener = listener;
        _control = control;
        _log = log;
        _threads = [new Thread(ServeTcp) { IsBackground = true, Name = "socketbench tcp sink" }, new Thread(ServeUdp) { IsBackground = true, Name = "socketbench udp sink control" }];
        Array.ForEach(_threads, thread => thread.Start());
    }

    /// <summary>Binds both sinks (port 0: TCP picks a free port and UDP takes the same number) and starts serving.</summary>
    /// <param name="log">Receives one line per session opened, closed or refused.</param>
    public static SinkServer Start(IPEndPoint listen, Action<string> log)
    {
        var listener = new Socket(listen.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        var control = new Socket(listen.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            listener.Bind(listen);
            listener.Listen(MaxConnections);
            // The packet's destination address tells which local address a session socket must answer from.
            control.SetSocketOption(listen.AddressFamily == AddressFamily.InterNetworkV6 ? SocketOptionLevel.IPv6 : SocketOptionLevel.IP, SocketOptionName.PacketInformation, true);
            control.Bind(new IPEndPoint(listen.Address, ((IPEndPoint)listener.LocalEndPoint!).Port));
            // Wakes the loop now and then to close idle sessions.
            control.ReceiveTimeout = 1000;
            return new SinkServer(listener, control, log);
        }
        catch
        {
            listener.Dispose();
            control.Dispose();
            throw;
        }
    }

    public int Port => ((IPEndPoint)_listener.LocalEndPoint!).Port;

    public int OpenUdpSessions => _sessions.Count;

    private void ServeTcp()
    {
        while (!_stopping)
        {
            Socket accepted;
            try
            {
                accepted = _listener.Accept();
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                return;
            }

            if (_connections.Count >= MaxConnections)
            {
                _log($"sink refused TCP {accepted.RemoteEndPoint}: {MaxConnections} connections already open");
                accepted.Dispose();
                continue;
            }

            try
            {
                string peer = accepted.RemoteEndPoint?.ToString() ?? "?";
                // Counts are tiny writes the sender is waiting for: Nagle's algorithm would hold them back.
                accepted.NoDelay = true;
                _connections[accepted] = 0;
                // The opening is read on a thread of its own, so a slow or silent client never holds up the acceptor.
                new Thread(() => ServeConnection(accepted, peer)) { IsBackground = true, Name = "socketbench tcp sink hello" }.Start();
            }
            catch (SocketException error)
            {
                // The sender reset the connection before it started; the others carry on.
                _log($"sink dropped a TCP connection as it opened: {error.Message}");
                accepted.Dispose();
            }
        }
    }

    /// <summary>
    /// One sender's TCP stream: reads the 16-byte opening, then counts (and in verify mode checks) every
    /// byte with the loopback suite's own receiver, sending the running total back after each read.
    /// </summary>
    private void ServeConnection(Socket socket, string peer)
    {
        var hello = new byte[SinkWire.TcpHelloLength];
        try
        {
            socket.ReceiveTimeout = (int)HelloLimit.TotalMilliseconds;
            // A stream that does not own the socket, only for ReadExactly, which loops over short reads.
            using var stream = new NetworkStream(socket, ownsSocket: false);
            stream.ReadExactly(hello);
            socket.ReceiveTimeout = 0;
        }
        catch (Exception error) when (error is IOException or SocketException or ObjectDisposedException)
        {
            // A client that hung up before its opening was complete (end of stream) leaves nothing to report. Otherwise
            // NetworkStream wraps the socket's error (a timeout, a reset): the line quotes the socket's own message.
            CloseConnection(socket, error is EndOfStreamException ? null : $"sink closed TCP {peer} before its opening: {(error.InnerException ?? error).Message}");
            return;
        }

        if (SinkWire.ReadTcpHello(hello) is not { } opening)
        {
            CloseConnection(socket, $"sink closed TCP {peer}: its first 16 bytes are not a SocketBench sink opening");
            return;
        }

        _log(string.Create(CultureInfo.InvariantCulture, $"sink TCP session from {peer}: {opening.Size} B buffers{(opening.Verify ? ", verifying" : "")}"));
        var count = new byte[SinkWire.CountLength];
        TcpReceiver? receiver = null;
        receiver = new TcpReceiver(socket, opening.Size, opening.Verify)
        {
            AfterRead = bytes =>
            {
                BinaryPrimitives.WriteInt64LittleEndian(count, bytes);
                socket.Send(count);
            },
            Stopped = () => ReportEnd(socket, peer, receiver!),
        };
        receiver.Start();
    }

    private void ReportEnd(Socket socket, string peer, TcpReceiver receiver)
    {
        // A sender that hangs up while a count is on its way shows up as a reset: an ordinary end, not a failed check.
        // So does a socket the sink closed itself when it stops.
        if (receiver.Failure is { } failure && !failure.StartsWith("receiver stopped", StringComparison.Ordinal))
        {
            try
            {
                socket.Send(SinkWire.Failure(failure, lengthPrefixed: true));
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                // The sender is gone; the log line below still says why.
            }

            CloseConnection(socket, $"sink TCP session from {peer} failed after {receiver.BytesReceived} bytes: {failure}");
            return;
        }

        CloseConnection(socket, string.Create(CultureInfo.InvariantCulture, $"sink TCP session from {peer} closed: {receiver.BytesReceived} bytes received"));
    }

    /// <summary>Runs on the connection's own thread, so only the socket is closed here (the thread ends on return).</summary>
    private void CloseConnection(Socket socket, string? line)
    {
        if (line is not null)
        {
            _log(line);
        }

        socket.Dispose();
        _connections.TryRemove(socket, out _);
    }

    private void ServeUdp()
    {
        var datagram = new byte[2048];
        while (!_stopping)
        {
            CloseIdleSessions();
            int received;
            EndPoint from;
            IPPacketInformation packet;
            try
            {
                // Inside the try: Dispose may close the socket at any moment, and this thread must then end, not crash.
                from = _control.LocalEndPoint!;
                SocketFlags flags = SocketFlags.None;
                received = _control.ReceiveMessageFrom(datagram, 0, datagram.Length, ref flags, ref from, out packet);
            }
            catch (SocketException error) when (error.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.ConnectionReset or SocketError.MessageSize)
            {
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
                    Answer(hello, (IPEndPoint)from, packet.Address);
                }
                catch (SocketException error)
                {
                    // One sender's trouble (a reply the network refused, no port left) must not stop the sink for the others.
                    _log($"sink could not answer a UDP opening from {from}: {error.Message}");
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
            }
        }
    }

    private void Answer(SinkWire.Header hello, IPEndPoint sender, IPAddress localAddress)
    {
        if (hello.Close)
        {
            // A repeated goodbye finds nothing left to close.
            _sessions.TryRemove(hello.Nonce, out var ended);
            ended?.Dispose();
            return;
        }

        if (!_sessions.TryGetValue(hello.Nonce, out var session))
        {
            if (_sessions.Count >= MaxSessions)
            {
                _log($"sink refused a UDP session from {sender}: {MaxSessions} sessions already open");
                _control.SendTo(SinkWire.UdpWelcome(SinkWire.StatusRefused, 0, hello.Nonce, 0), sender);
                return;
            }

            session = new UdpSinkSession(localAddress, sender, hello, _log);
            _sessions[hello.Nonce] = session;
        }

        // A repeated opening means the welcome was lost: answer again with the same session.
        _control.SendTo(SinkWire.UdpWelcome(SinkWire.StatusOk, session.Port, hello.Nonce, session.ReceiveBufferBytes), sender);
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

    public void Dispose()
    {
        _stopping = true;
        _listener.Dispose();
        _control.Dispose();
        Array.ForEach(_threads, thread => thread.Join(TimeSpan.FromSeconds(5)));

        // Each connection's receiver then ends on its own thread and logs what it counted; each UDP session logs it here.
        foreach (var open in _connections.Keys.Cast<IDisposable>().Concat(_sessions.Values))
        {
            open.Dispose();
        }

        _sessions.Clear();
    }
}

/// <summary>
/// One sender's UDP session on the sink: a socket connected to the sender, read by the loopback suite's
/// own receiver (batched receives, drain markers told apart by length, verify mode), which answers
/// each marker with what it has counted.
/// </summary>
internal sealed class UdpSinkSession : IDisposable
{
    // A failure answer is the sender's only way to learn why; send it a few times in case one is lost.
    private const int FailureRepeats = 3;

    private readonly Socket _socket;
    private readonly UdpReceiver _receiver;
    private readonly Action<string> _log;
    private readonly string _peer;
    private readonly byte[] _answer = new byte[SinkWire.AnswerLength];
    private long _lastActive = Stopwatch.GetTimestamp();
    private int _disposed;

    public UdpSinkSession(IPAddress localAddress, IPEndPoint sender, SinkWire.Header hello, Action<string> log)
    {
        _socket = new Socket(sender.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            _socket.Bind(new IPEndPoint(localAddress, 0));
            SocketBuffers.EnlargeReceiveQueue(_socket);
            _socket.Connect(sender);
        }
        catch
        {
            _socket.Dispose();
            throw;
        }

        _log = log;
        _peer = sender.ToString();
        log(string.Create(CultureInfo.InvariantCulture, $"sink UDP session from {sender}: {hello.Size} B datagrams{(hello.Verify ? ", verifying" : "")}, port {Port}"));
        _receiver = new UdpReceiver(_socket, hello.Size, hello.Verify)
        {
            AfterMarker = Answer,
            Stopped = ReportFailure,
        };
        _receiver.Start();
    }

    public int Port => ((IPEndPoint)_socket.LocalEndPoint!).Port;

    /// <summary>The receive queue the kernel granted the session socket.</summary>
    public int ReceiveBufferBytes => _socket.ReceiveBufferSize;

    public long LastActive => Volatile.Read(ref _lastActive);

    private void Answer(long markerId)
    {
        Volatile.Write(ref _lastActive, Stopwatch.GetTimestamp());
        BinaryPrimitives.WriteInt64LittleEndian(_answer, markerId);
        BinaryPrimitives.WriteInt64LittleEndian(_answer.AsSpan(8), _receiver.DatagramsReceived);
        BinaryPrimitives.WriteInt64LittleEndian(_answer.AsSpan(16), _receiver.BytesReceived);
        try
        {
            _socket.Send(_answer);
        }
        catch (SocketException)
        {
            // The sender is gone (ICMP unreachable); its next marker, if any, is answered again.
        }
    }

    private void ReportFailure()
    {
        if (_receiver.Failure is not { } failure || Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        _log($"sink UDP session from {_peer} failed: {failure}");
        byte[] frame = SinkWire.Failure(failure, lengthPrefixed: false);
        try
        {
            for (int repeat = 0; repeat < FailureRepeats; repeat++)
            {
                _socket.Send(frame);
            }
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            // The sender is gone, or the session closed: nothing is left to tell.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _log(string.Create(CultureInfo.InvariantCulture,
            $"sink UDP session from {_peer} closed: {_receiver.DatagramsReceived} datagrams, {_receiver.BytesReceived} bytes received"));
        _receiver.Dispose();
    }
}
