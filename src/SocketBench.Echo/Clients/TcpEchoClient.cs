using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Errors;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Clients;

/// <summary>A TCP echo client over either framing, optionally in TLS.</summary>
[Speaks(EchoProtocol.TcpLine, EchoProtocol.TcpLength)]
public sealed class TcpEchoClient : IEchoClient
{
    private readonly Stream _stream;
    private readonly IMessageFraming _framing;
    private readonly FrameReader _reader;
    private readonly EchoClientOptions _options;
    private long _exchanges;

    private TcpEchoClient(Stream stream, EndPoint remote, EchoClientOptions options)
    {
        _stream = stream;
        _options = options;
        RemoteEndPoint = remote;
        _framing = MessageFramings.For(options.Protocol, options.MaxMessageBytes);
        _reader = new FrameReader(stream, _framing);
    }

    public EndPoint RemoteEndPoint { get; }

    public static async Task<TcpEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken)
    {
        string target = $"{options.Host}:{options.Port}";
        // Dual-mode: "localhost" may resolve to ::1 and 127.0.0.1; ConnectAsync tries each address in turn.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        Stream? stream = null;
        using var deadline = new Deadline(options.Timeout, cancellationToken);
        try
        {
            await socket.ConnectAsync(new DnsEndPoint(options.Host, options.Port), deadline.Token).ConfigureAwait(false);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls is { } tls)
            {
                stream = await TlsHandshakes.AsClientAsync(stream, tls, options.Host, deadline.Token).ConfigureAwait(false);
            }

            return new TcpEchoClient(stream, EndPoints.Readable(socket.RemoteEndPoint!), options);
        }
        catch (Exception e)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync().ConfigureAwait(false);
            }

            socket.Dispose();
            if (deadline.Expired)
            {
                throw new SocketStatusException(SocketStatus.ConnectionTimedOut, $"no connection to {target} within {options.Timeout.TotalSeconds:0.###} s", e);
            }

            throw SocketStatusMap.Wrap(e, $"connecting to {target}{(options.Tls is null ? "" : " with TLS")}");
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>> EchoAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default)
    {
        using var deadline = new Deadline(_options.Timeout, cancellationToken);
        try
        {
            await FrameWriter.WriteAsync(_stream, _framing, request, deadline.Token).ConfigureAwait(false);
            var response = await _reader.ReadAsync(deadline.Token).ConfigureAwait(false)
                ?? throw new SocketStatusException(SocketStatus.ConnectionClosedByPeer, $"{RemoteEndPoint} closed the connection without replying");
            _exchanges++;
            return response;
        }
        catch (Exception e) when (e is not SocketStatusException || _exchanges == 0)
        {
            throw Describe(e, deadline);
        }
    }

    private SocketStatusException Describe(Exception e, Deadline deadline)
    {
        if (deadline.Expired)
        {
            return new SocketStatusException(SocketStatus.ConnectionTimedOut, $"no response from {RemoteEndPoint} within {_options.Timeout.TotalSeconds:0.###} s", e);
        }

        var status = SocketStatusMap.StatusOf(e);
        // In TLS 1.3 the client's handshake ends before the server has judged the client certificate,
        // so a rejection arrives as a closed or reset session on the first exchange.
        if (_options.Tls is not null && _exchanges == 0 && status is SocketStatus.ConnectionClosedByPeer or SocketStatus.ConnectionResetByPeer or SocketStatus.TlsHandshakeFailed or SocketStatus.Unknown)
        {
            return new SocketStatusException(SocketStatus.TlsHandshakeFailed, $"{RemoteEndPoint} ended the TLS session before replying: it may require or have rejected a client certificate (--client-cert)", e);
        }

        return SocketStatusMap.Wrap(e, $"echo with {RemoteEndPoint}");
    }

    public async ValueTask DisposeAsync()
    {
        _reader.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
