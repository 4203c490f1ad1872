using System.Net.Security;
using System.Net.Sockets;

namespace SocketBench.Sockets.Receivers;

/// <summary>
/// Counts (and in verify mode checks) the plaintext a TLS stream delivers: the server end's SslStream
/// decrypts each record, so delivery is what the application on the other side would read.
/// </summary>
public sealed class TlsReceiver : StreamReceiver
{
    private readonly SslStream _tls;

    /// <param name="socket">The accepted socket under <paramref name="tls"/>; disposing the receiver closes it, which ends the read loop.</param>
    public TlsReceiver(Socket socket, SslStream tls, int bufferSize, bool verify)
        : base(socket, "socketbench tls receiver", bufferSize, verify)
    {
        _tls = tls;
    }

    protected override int Read(byte[] buffer) => _tls.Read(buffer, 0, buffer.Length);

    protected override void ReceiveUntilClosed()
    {
        try
        {
            base.ReceiveUntilClosed();
        }
        catch (IOException exception)
        {
            // SslStream wraps the socket's failure; when the owner closed the socket on purpose there is nothing to report.
            if (!Stopping)
            {
                Fail($"receiver stopped: {exception.Message}");
            }
        }
    }
}
