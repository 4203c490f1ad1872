using System.Net;
using System.Net.Sockets;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Clients;

/// <summary>A TCP echo client over either framing, optionally in TLS.</summary>
[Speaks(EchoProtocol.TcpLine, EchoProtocol.TcpLength)]
public sealed class TcpEchoClient : EchoClient
{
    private readonly Stream _stream;
    private readonly StreamMessageChannel _channel;

    private TcpEchoClient(Stream stream, EndPoint remote, EchoClientOptions options)
        : base(options)
    {
        _stream = stream;
        _channel = new StreamMessageChannel(stream, stream, new MessageFraming(options.Protocol, options.MaxMessageBytes));
        // As people write it: a dual-mode socket's [::ffff:127.0.0.1] shows as 127.0.0.1.
        RemoteEndPoint = remote is IPEndPoint { Address.IsIPv4MappedToIPv6: true } mapped ? new IPEndPoint(mapped.Address.MapToIPv4(), mapped.Port) : remote;
    }

    public static new async Task<TcpEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken)
    {
        // Dual-mode: "localhost" may resolve to ::1 and 127.0.0.1; ConnectAsync tries each address in turn.
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var deadline = new Deadline(options.Timeout, cancellationToken);
        try
        {
            await socket.ConnectAsync(new DnsEndPoint(options.Host, options.Port), deadline.Token).ConfigureAwait(false);
            Stream stream = new NetworkStream(socket, ownsSocket: true);
            if (options.Tls is { } tls)
            {
                stream = await TlsHandshakes.AsClientAsync(stream, tls, options.Host, deadline.Token).ConfigureAwait(false);
            }

            return new TcpEchoClient(stream, socket.RemoteEndPoint!, options);
        }
        catch (Exception e)
        {
            // A failed handshake has closed its stream already; the socket is all that is left to close.
            socket.Dispose();
            throw deadline.Expired ? ConnectTimedOut(options, e) : SocketStatusMap.Wrap(e, $"connecting to {options.Host}:{options.Port}{(options.Tls is null ? "" : " with TLS")}");
        }
    }

    protected override ValueTask<ReadOnlyMemory<byte>?> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken) =>
        ExchangeAsync(_channel, request, cancellationToken);

    public override async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _stream.DisposeAsync().ConfigureAwait(false);
    }
}
