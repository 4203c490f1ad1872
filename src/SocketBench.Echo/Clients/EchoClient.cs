using System.Net;
using SocketBench.Core.Errors;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Framing;

namespace SocketBench.Echo.Clients;

/// <summary>
/// A connected echo client on any backend. Not thread-safe: one request at a time, as the protocols require.
/// The deadline and the statuses of a failed request are here; each backend only sends and receives.
/// </summary>
public abstract class EchoClient(EchoClientOptions options) : IAsyncDisposable
{
    private long _exchanges;

    public EndPoint RemoteEndPoint { get; protected set; } = new IPEndPoint(IPAddress.None, 0);

    /// <summary>Connects the portable client for a protocol. The host is checked first, so a malformed one never reaches DNS or the network.</summary>
    public static async Task<EchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken = default)
    {
        Check(options);
        return options.Protocol.IsTcp()
            ? await TcpEchoClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false)
            : await UdpEchoClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects a malformed host (InvalidHostName) and option combinations no backend can serve, before any lookup.</summary>
    public static void Check(EchoClientOptions options)
    {
        HostNames.Validate(options.Host);
        if (options.Tls is not null && !options.Protocol.IsTcp())
        {
            throw new ArgumentException("TLS runs over TCP only: use --protocol tcp-line or tcp-length with --tls");
        }
    }

    /// <summary>Sends one message and returns the reply's payload, valid until the next call.</summary>
    public async ValueTask<ReadOnlyMemory<byte>> EchoAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default)
    {
        bool tcp = options.Protocol.IsTcp();
        int largest = Math.Min(options.MaxMessageBytes, EchoLimits.MaxDatagramBytes);
        if (!tcp && request.Length > largest)
        {
            throw new SocketStatusException(SocketStatus.MessageTooLong, $"{request.Length} bytes do not fit one datagram (at most {largest})");
        }

        using var deadline = new Deadline(options.Timeout, cancellationToken);
        try
        {
            var response = await ExchangeAsync(request, deadline.Token).ConfigureAwait(false)
                ?? throw new SocketStatusException(SocketStatus.ConnectionClosedByPeer, $"{RemoteEndPoint} closed the connection without replying");
            _exchanges++;
            return response;
        }
        catch (Exception e) when (e is not SocketStatusException || _exchanges == 0)
        {
            // UDP has no connection: a missing server or a lost datagram both look like silence.
            throw deadline.Expired
                ? new SocketStatusException(SocketStatus.ConnectionTimedOut, $"no {(tcp ? "response" : "reply")} from {RemoteEndPoint} within {options.Timeout.TotalSeconds:0.###} s", e)
                : Describe(e);
        }
    }

    public abstract ValueTask DisposeAsync();

    /// <summary>One request out and its reply in; null when the peer closed the connection instead of replying.</summary>
    protected abstract ValueTask<ReadOnlyMemory<byte>?> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken);

    /// <summary>The status of a failed request that did not time out.</summary>
    protected virtual SocketStatusException Describe(Exception e) =>
        // In TLS 1.3 the client's handshake ends before the server has judged the client certificate,
        // so a rejection arrives as a closed or reset session on the first exchange.
        options.Tls is not null && _exchanges == 0
            && SocketStatusMap.StatusOf(e) is SocketStatus.ConnectionClosedByPeer or SocketStatus.ConnectionResetByPeer or SocketStatus.TlsHandshakeFailed or SocketStatus.Unknown
            ? new SocketStatusException(SocketStatus.TlsHandshakeFailed, $"{RemoteEndPoint} ended the TLS session before replying: it may require or have rejected a client certificate (--client-cert)", e)
            : SocketStatusMap.Wrap(e, $"echo with {RemoteEndPoint}{(options.Protocol.IsTcp() ? "" : " over UDP")}");

    protected static async ValueTask<ReadOnlyMemory<byte>?> ExchangeAsync(IMessageChannel channel, ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        await channel.WriteAsync(request, cancellationToken).ConfigureAwait(false);
        return await channel.ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    protected static SocketStatusException ConnectTimedOut(EchoClientOptions options, Exception e) =>
        new(SocketStatus.ConnectionTimedOut, $"no connection to {options.Host}:{options.Port} within {options.Timeout.TotalSeconds:0.###} s", e);
}

/// <summary>A cancellation source that fires after a timeout or with the caller's token, and can tell which one fired.</summary>
public sealed class Deadline(TimeSpan timeout, CancellationToken caller) : IDisposable
{
    private readonly CancellationTokenSource _source = CreateSource(timeout, caller);

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timeout, not the caller, cancelled the operation.</summary>
    public bool Expired => _source.IsCancellationRequested && !caller.IsCancellationRequested;

    public void Dispose() => _source.Dispose();

    private static CancellationTokenSource CreateSource(TimeSpan timeout, CancellationToken caller)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        source.CancelAfter(timeout);
        return source;
    }
}
