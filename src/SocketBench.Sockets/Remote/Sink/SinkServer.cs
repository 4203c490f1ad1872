using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SocketBench.Sockets.Loopback;
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
    private readonly ConcurrentDictionary<TcpSinkConnection, byte> _connections = new();
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
                var connection = new TcpSinkConnection(accepted, _log, closed => _connections.TryRemove(closed, out _));
                _connections[connection] = 0;
                connection.Start();
            }
            catch (SocketException error)
            {
                // The sender reset the connection before it started; the others carry on.
                _log($"sink dropped a TCP connection as it opened: {error.Message}");
                accepted.Dispose();
            }
        }
    }

    private void ServeUdp()
    {
        var datagram = new byte[2048];
        while (!_stopping)
        {
            int received;
            EndPoint from = _control.LocalEndPoint!;
            IPPacketInformation packet;
            try
            {
                SocketFlags flags = SocketFlags.None;
                received = _control.ReceiveMessageFrom(datagram, 0, datagram.Length, ref flags, ref from, out packet);
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
                    Answer(hello, (IPEndPoint)from, packet.Address);
                }
                catch (SocketException error)
                {
                    // One sender's trouble (a reply the network refused, no port left) must not stop the sink for the others.
                    _log($"sink could not answer a UDP opening from {from}: {error.Message}");
                }
            }

            CloseIdleSessions();
        }
    }

    private void Answer(SinkWire.Header hello, IPEndPoint sender, IPAddress localAddress)
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
                _log($"sink refused a UDP session from {sender}: {MaxSessions} sessions already open");
                _control.SendTo(SinkWire.UdpWelcome(SinkWire.StatusRefused, 0, hello.Nonce, 0), sender);
                return;
            }

            session = UdpSinkSession.Open(localAddress, sender, hello, _log);
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
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }

        foreach (var connection in _connections.Keys)
        {
            connection.Dispose();
        }

        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }

        _sessions.Clear();
    }
}

/// <summary>
/// One sender's TCP stream: reads the 16-byte opening, then counts (and in verify mode checks) every
/// byte with the loopback suite's own receiver, sending the running total back after each read.
/// </summary>
internal sealed class TcpSinkConnection : IDisposable
{
    private static readonly TimeSpan HelloLimit = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly Action<string> _log;
    private readonly Action<TcpSinkConnection> _closed;
    private readonly byte[] _count = new byte[SinkWire.CountLength];
    private readonly string _peer;
    private TcpReceiver? _receiver;

    public TcpSinkConnection(Socket socket, Action<string> log, Action<TcpSinkConnection> closed)
    {
        _socket = socket;
        _log = log;
        _closed = closed;
        _peer = socket.RemoteEndPoint?.ToString() ?? "?";
        // Counts are tiny writes the sender is waiting for: Nagle's algorithm would hold them back.
        _socket.NoDelay = true;
    }

    /// <summary>Reads the opening on a thread of its own, so a slow or silent client never holds up the acceptor.</summary>
    public void Start() => new Thread(ReadHelloThenReceive) { IsBackground = true, Name = "socketbench tcp sink hello" }.Start();

    private void ReadHelloThenReceive()
    {
        var hello = new byte[SinkWire.TcpHelloLength];
        try
        {
            _socket.ReceiveTimeout = (int)HelloLimit.TotalMilliseconds;
            int filled = 0;
            while (filled < hello.Length)
            {
                int received = _socket.Receive(hello, filled, hello.Length - filled, SocketFlags.None);
                if (received == 0)
                {
                    Close(null);
                    return;
                }

                filled += received;
            }

            _socket.ReceiveTimeout = 0;
        }
        catch (Exception error) when (error is SocketException or ObjectDisposedException)
        {
            Close($"sink closed TCP {_peer} before its opening: {error.Message}");
            return;
        }

        if (SinkWire.ReadTcpHello(hello) is not { } opening)
        {
            Close($"sink closed TCP {_peer}: its first 16 bytes are not a SocketBench sink opening");
            return;
        }

        _log(string.Create(CultureInfo.InvariantCulture, $"sink TCP session from {_peer}: {opening.Size} B buffers{(opening.Verify ? ", verifying" : "")}"));
        _receiver = new TcpReceiver(_socket, opening.Size, opening.Verify)
        {
            AfterRead = SendCount,
            Stopped = ReportEnd,
        };
        _receiver.Start();
    }

    private void SendCount(long bytes)
    {
        BinaryPrimitives.WriteInt64LittleEndian(_count, bytes);
        _socket.Send(_count);
    }

    private void ReportEnd()
    {
        var receiver = _receiver!;
        // A sender that hangs up while a count is on its way shows up as a reset: an ordinary end, not a failed check.
        if (receiver.Failure is { } failure && !failure.StartsWith("receiver stopped", StringComparison.Ordinal))
        {
            try
            {
                _socket.Send(SinkWire.Failure(failure, lengthPrefixed: true));
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                // The sender is gone; the log line below still says why.
            }

            Close($"sink TCP session from {_peer} failed after {receiver.BytesReceived} bytes: {failure}");
            return;
        }

        Close(string.Create(CultureInfo.InvariantCulture, $"sink TCP session from {_peer} closed: {receiver.BytesReceived} bytes received"));
    }

    private void Close(string? line)
    {
        if (line is not null)
        {
            _log(line);
        }

        // Runs on the receive thread itself, so only the socket is closed here (the thread ends on return).
        _socket.Dispose();
        _closed(this);
    }

    public void Dispose()
    {
        if (_receiver is { } receiver)
        {
            receiver.Dispose();
        }
        else
        {
            _socket.Dispose();
        }
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

    private UdpSinkSession(Socket socket, SinkWire.Header hello, Action<string> log, string peer)
    {
        _socket = socket;
        _log = log;
        _peer = peer;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        ReceiveBufferBytes = socket.ReceiveBufferSize;
        _receiver = new UdpReceiver(socket, hello.Size, hello.Verify)
        {
            AfterMarker = Answer,
            Stopped = ReportFailure,
        };
        _receiver.Start();
    }

    public static UdpSinkSession Open(IPAddress localAddress, IPEndPoint sender, SinkWire.Header hello, Action<string> log)
    {
        var socket = new Socket(sender.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(localAddress, 0));
            UdpLoopbackSession.EnlargeReceiveBuffer(socket);
            socket.Connect(sender);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        log(string.Create(CultureInfo.InvariantCulture,
            $"sink UDP session from {sender}: {hello.Size} B datagrams{(hello.Verify ? ", verifying" : "")}, port {((IPEndPoint)socket.LocalEndPoint!).Port}"));
        return new UdpSinkSession(socket, hello, log, sender.ToString());
    }

    public int Port { get; }

    public int ReceiveBufferBytes { get; }

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
        for (int repeat = 0; repeat < FailureRepeats; repeat++)
        {
            try
            {
                _socket.Send(frame);
            }
            catch (Exception error) when (error is SocketException or ObjectDisposedException)
            {
                return;
            }
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
