using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using SocketBench.Core.Errors;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Servers;

/// <summary>
/// A running echo server on any backend. What every server does is here: the option checks, the stop signal, the
/// TCP connection cap, the loop each connection runs, what becomes of one datagram, and the log lines; a backend
/// binds, accepts and moves bytes. Disposing it stops accepting, closes every connection and waits for them.
/// </summary>
public abstract class EchoServer(EchoServerOptions options, EchoLog log) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<Task, byte> _serving = new();
    private int _open;

    public IPEndPoint LocalEndPoint { get; protected set; } = new(IPAddress.Loopback, 0);

    /// <summary>Completes when the server has stopped: after <see cref="DisposeAsync"/>, or after one request with Once.</summary>
    public Task Completion { get; protected set; } = Task.CompletedTask;

    /// <summary>Connections being served right now.</summary>
    public int OpenConnections => Volatile.Read(ref _open);

    protected EchoServerOptions Options => options;

    protected EchoLog Log => log;

    /// <summary>
    /// Cancelled by <see cref="DisposeAsync"/>, or by the one request with Once. Never disposed: it has no timer, and
    /// a connection or datagram handled after DisposeAsync may still cancel it (Once).
    /// </summary>
    protected CancellationTokenSource Stop { get; } = new();

    /// <summary>Starts the portable server for a protocol. Binding happens before this returns, so a taken port fails here.</summary>
    public static EchoServer Start(EchoServerOptions options, EchoLog log)
    {
        Check(options);
        return options.Protocol.IsTcp() ? new TcpEchoServer(options, log) : new UdpEchoServer(options, log);
    }

    /// <summary>Rejects option combinations no backend can serve, before any socket opens.</summary>
    public static void Check(EchoServerOptions options)
    {
        if (options.Tls is not null && !options.Protocol.IsTcp())
        {
            throw new ArgumentException("TLS runs over TCP only: use --protocol tcp-line or tcp-length with --tls");
        }

        if (options.SharePort && options.Protocol.IsTcp())
        {
            throw new ArgumentException("--share-port applies to UDP sockets only (the guide's DatagramSocketControl.MulticastOnly)");
        }
    }

    /// <summary>
    /// A System.Net.Sockets socket bound to <paramref name="local"/>: a TCP one listening, a UDP one optionally sharing
    /// the port. For the portable servers and the UDP client alike; a failure is named as the bind of that address.
    /// </summary>
    internal static Socket Bind(IPEndPoint local, ProtocolType protocol, bool sharePort = false)
    {
        bool tcp = protocol == ProtocolType.Tcp;
        var socket = new Socket(local.AddressFamily, tcp ? SocketType.Stream : SocketType.Dgram, protocol);
        try
        {
            if (sharePort)
            {
                // .NET turns this into SO_REUSEADDR (and SO_REUSEPORT on Linux), which lets several sockets bind one
                // address and port: what WinRT's DatagramSocketControl.MulticastOnly asks of Windows.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(local);
            if (tcp)
            {
                socket.Listen(backlog: 512);
            }

            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw SocketStatusMap.Wrap(e, $"binding {(tcp ? "TCP" : "UDP")} {local}{(sharePort ? " with --share-port" : "")}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Stop.CancelAsync().ConfigureAwait(false);
        await Completion.ConfigureAwait(false);
    }

    /// <summary>Counts one more connection; false (and a logged refusal) when the cap is reached, and the caller closes it.</summary>
    protected bool TryAdmit(string remote)
    {
        if (Interlocked.Increment(ref _open) <= options.MaxConnections)
        {
            return true;
        }

        Interlocked.Decrement(ref _open);
        log.Warn($"server refused a connection from {remote}: {options.MaxConnections} connections already open (--max-connections)");
        return false;
    }

    /// <summary>
    /// Serves an admitted connection; it is counted and awaited by <see cref="WhenAllClosed"/> until it ends. With
    /// Once, its end stops the server.
    /// </summary>
    protected async Task TrackAsync(Func<Task> serve)
    {
        var task = serve();
        _serving[task] = 0;
        try
        {
            await task.ConfigureAwait(false);
        }
        finally
        {
            _serving.TryRemove(task, out _);
            Interlocked.Decrement(ref _open);
        }

        if (options.Once)
        {
            await Stop.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Completes when every connection being served now has ended.</summary>
    protected Task WhenAllClosed() => Task.WhenAll(_serving.Keys);

    /// <summary>The server side of TLS over a connection's transport, within the idle timeout; a refused client certificate is logged.</summary>
    protected async Task<SslStream> HandshakeAsync(Stream transport, TlsServerSettings tls, string remote)
    {
        using var handshake = new Deadline(options.IdleTimeout, Stop.Token);
        return await TlsHandshakes.AsServerAsync(transport, tls, reason => log.Warn($"server rejected {remote}: {reason}"), handshake.Token).ConfigureAwait(false);
    }

    /// <summary>
    /// What a TCP connection does once it is open: read a message within the idle timeout, check it is UTF-8, echo
    /// it, repeat, until the peer closes (or after one message with Once). A peer's mistake surfaces as an exception
    /// for <see cref="Ended"/>.
    /// </summary>
    protected async Task EchoLoopAsync(IMessageChannel channel, string remote)
    {
        while (true)
        {
            ReadOnlyMemory<byte>? message;
            using (var idle = new Deadline(options.IdleTimeout, Stop.Token))
            {
                message = await channel.ReadAsync(idle.Token).ConfigureAwait(false);
            }

            if (message is not { } payload)
            {
                if (options.LogMessages)
                {
                    log.Info($"server saw {remote} close its socket");
                }

                return;
            }

            EchoText.Validate(payload.Span);
            string? text = options.LogMessages ? EchoText.ForDisplay(payload.Span) : null;
            if (text is not null)
            {
                log.Info($"server received the request: \"{text}\"");
            }

            await channel.WriteAsync(payload, Stop.Token).ConfigureAwait(false);
            if (text is not null)
            {
                log.Info($"server sent back the response: \"{text}\"");
            }

            if (options.Once)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Logs why a connection ended with <paramref name="exception"/> (already named as <paramref name="status"/> by
    /// the backend's table); nothing when the server's own shutdown ended it.
    /// </summary>
    protected void Ended(Exception exception, SocketStatus status, string remote)
    {
        if (exception is OperationCanceledException && Stop.IsCancellationRequested)
        {
            return;
        }

        log.Warn(exception switch
        {
            OperationCanceledException => $"server closed {remote}: no complete message within the idle timeout of {options.IdleTimeout.TotalSeconds:0.###} s",
            FramingException => $"server closed {remote}: {exception.Message}",
            _ => $"server closed {remote}: {status}: {(exception.InnerException ?? exception).Message.ReplaceLineEndings(" ").TrimEnd('.', ' ')}",
        });
    }

    /// <summary>
    /// What a UDP server does with one datagram: drop it (logged) when it is over the limit or not UTF-8, else log
    /// it, <paramref name="reply"/> through the backend's own send, and log the reply. With Once, an echoed datagram
    /// stops the server.
    /// </summary>
    /// <param name="replyFailure">The status of a failed reply, to log; null for an exception that is not a reply failure (it propagates).</param>
    protected async Task EchoDatagramAsync(ReadOnlyMemory<byte> payload, string sender, Func<Task> reply, Func<Exception, SocketStatus?> replyFailure)
    {
        if (payload.Length > options.MaxMessageBytes)
        {
            log.Warn($"server dropped a datagram from {sender}: {payload.Length} bytes is over the {options.MaxMessageBytes}-byte limit");
            return;
        }

        string? text;
        try
        {
            EchoText.Validate(payload.Span);
            text = options.LogMessages ? EchoText.ForDisplay(payload.Span) : null;
        }
        catch (FramingException e)
        {
            log.Warn($"server dropped a datagram from {sender}: {e.Message}");
            return;
        }

        if (text is not null)
        {
            log.Info($"server received the request: \"{text}\"");
        }

        try
        {
            await reply().ConfigureAwait(false);
        }
        catch (Exception e) when (replyFailure(e) is { } status)
        {
            log.Warn($"server could not reply to {sender}: {status}: {e.Message}");
            return;
        }

        if (text is not null)
        {
            log.Info($"server sent back the response: \"{text}\" to {sender}");
        }

        if (options.Once)
        {
            await Stop.CancelAsync().ConfigureAwait(false);
        }
    }
}
