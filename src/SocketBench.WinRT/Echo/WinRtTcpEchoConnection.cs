using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;
using SocketBench.Echo.Tls;
using Windows.Networking.Sockets;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Echo;

/// <summary>
/// Serves one accepted <see cref="StreamSocket"/>: optional TLS, then the shared echo loop over the protocol's
/// channel. Whatever the client does wrong ends this connection with one logged reason; nothing escapes.
/// </summary>
internal sealed class WinRtTcpEchoConnection(StreamSocket socket, string remote, EchoServerOptions options, IEchoLog log, CancellationToken stop)
{
    public async Task RunAsync()
    {
        // Off the event handler's thread: a slow handshake must not hold up the next ConnectionReceived.
        await Task.Yield();
        Stream? tls = null;
        try
        {
            IInputStream input = socket.InputStream;
            IOutputStream output = socket.OutputStream;
            if (options.Tls is { } settings)
            {
                // WinRT gives a StreamSocketListener no server certificate to present, so the server side of TLS is
                // .NET's SslStream over the accepted socket's streams. The WinRT client uses SocketProtectionLevel.Tls12.
                using var handshake = EchoLoop.IdleDeadline(options, stop);
                tls = await TlsHandshakes.AsServerAsync(new WinRtDuplexStream(socket), settings, reason => log.Warn($"server rejected {remote}: {reason}"), handshake.Token).ConfigureAwait(false);
                input = tls.AsInputStream();
                output = tls.AsOutputStream();
            }

            using var channel = WinRtChannels.Open(options.Protocol, input, output, options.MaxMessageBytes);
            await EchoLoop.RunAsync(channel, options, log, remote, stop).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            // A server must outlive its worst client: every failure here belongs to this connection alone.
            if (EchoLoop.EndReason(e, WinRtSocketErrors.StatusOf(e), options, remote, stop) is { } reason)
            {
                log.Warn(reason);
            }
        }
        finally
        {
            if (tls is not null)
            {
                await tls.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
        }
    }
}
