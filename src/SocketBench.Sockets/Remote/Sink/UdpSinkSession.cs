using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SocketBench.Sockets.Loopback;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Remote.Sink;

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

    private UdpSinkSession(Socket socket, SinkWire.UdpHelloFields hello, Action<string> log, string peer)
    {
        _socket = socket;
        _log = log;
        _peer = peer;
        Port = ((IPEndPoint)socket.LocalEndPoint!).Port;
        ReceiveBufferBytes = socket.ReceiveBufferSize;
        _receiver = new UdpReceiver(socket, hello.DatagramSize, hello.Verify)
        {
            AfterMarker = Answer,
            Stopped = ReportFailure,
        };
        _receiver.Start();
    }

    public static UdpSinkSession Open(IPAddress localAddress, IPEndPoint sender, SinkWire.UdpHelloFields hello, Action<string> log)
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
            $"sink UDP session from {sender}: {hello.DatagramSize} B datagrams{(hello.Verify ? ", verifying" : "")}, port {((IPEndPoint)socket.LocalEndPoint!).Port}"));
        return new UdpSinkSession(socket, hello, log, sender.ToString());
    }

    public int Port { get; }

    public int ReceiveBufferBytes { get; }

    public long LastActive => Volatile.Read(ref _lastActive);

    private void Answer(long markerId)
    {
        Volatile.Write(ref _lastActive, Stopwatch.GetTimestamp());
        SinkWire.WriteAnswer(_answer, markerId, _receiver.DatagramsReceived, _receiver.BytesReceived);
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
