using System.Globalization;
using System.Net.Sockets;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Remote.Sink;

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

        _log(string.Create(CultureInfo.InvariantCulture, $"sink TCP session from {_peer}: {opening.BufferSize} B buffers{(opening.Verify ? ", verifying" : "")}"));
        _receiver = new TcpReceiver(_socket, opening.BufferSize, opening.Verify)
        {
            AfterRead = SendCount,
            Stopped = ReportEnd,
        };
        _receiver.Start();
    }

    private void SendCount(long bytes)
    {
        SinkWire.WriteCount(_count, bytes);
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
