using System.Net;
using SocketBench.Core.Errors;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Framing;
using SocketBench.WinRT.Networking;
using Windows.Networking.Sockets;

namespace SocketBench.WinRT.Echo;

/// <summary>A TCP echo client on a <see cref="StreamSocket"/>, over either framing, optionally with the guide's TLS.</summary>
[Speaks(EchoProtocol.TcpLine, EchoProtocol.TcpLength)]
public sealed class WinRtTcpEchoClient : IEchoClient
{
    private readonly StreamSocket _socket;
    private readonly IMessageChannel _channel;
    private readonly EchoClientOptions _options;
    private long _exchanges;

    private WinRtTcpEchoClient(StreamSocket socket, EchoClientOptions options)
    {
        _socket = socket;
        _options = options;
        _channel = WinRtChannels.Open(options.Protocol, socket.InputStream, socket.OutputStream, options.MaxMessageBytes);
        RemoteEndPoint = WinRtEndPoints.From(socket.Information.RemoteAddress, socket.Information.RemotePort);
    }

    public EndPoint RemoteEndPoint { get; }

    public static async Task<WinRtTcpEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken)
    {
        EchoClients.Check(options);
        var host = HostNames.CreateOrReject(options.Host);
        string target = $"{options.Host}:{options.Port}";
        var socket = new StreamSocket();
        using var deadline = new Deadline(options.Timeout, cancellationToken);
        try
        {
            socket.Control.NoDelay = true;
            var protection = options.Tls is { } tls ? await WinRtClientTls.PrepareAsync(socket, tls).ConfigureAwait(false) : SocketProtectionLevel.PlainSocket;
            await socket.ConnectAsync(host, WinRtEndPoints.ServiceName(options.Port), protection).AsTask(deadline.Token).ConfigureAwait(false);
            if (options.Tls is { } settings)
            {
                WinRtClientTls.CheckServer(socket, settings);
            }

            return new WinRtTcpEchoClient(socket, options);
        }
        catch (Exception e)
        {
            socket.Dispose();
            if (deadline.Expired)
            {
                throw new SocketStatusException(SocketStatus.ConnectionTimedOut, $"no connection to {target} within {options.Timeout.TotalSeconds:0.###} s", e);
            }

            throw WinRtSocketErrors.Wrap(e, $"connecting to {target}{(options.Tls is null ? "" : " with TLS")}");
        }
    }

    public async ValueTask<ReadOnlyMemory<byte>> EchoAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default)
    {
        using var deadline = new Deadline(_options.Timeout, cancellationToken);
        try
        {
            await _channel.WriteAsync(request, deadline.Token).ConfigureAwait(false);
            var response = await _channel.ReadAsync(deadline.Token).ConfigureAwait(false)
                ?? throw new SocketStatusException(SocketStatus.ConnectionClosedByPeer, $"{RemoteEndPoint} closed the connection without replying");
            _exchanges++;
            return response;
        }
        catch (Exception e) when (e is not SocketStatusException || _exchanges == 0)
        {
            throw deadline.Expired
                ? new SocketStatusException(SocketStatus.ConnectionTimedOut, $"no response from {RemoteEndPoint} within {_options.Timeout.TotalSeconds:0.###} s", e)
                : WinRtSocketErrors.Wrap(e, $"echo with {RemoteEndPoint}");
        }
    }

    public ValueTask DisposeAsync()
    {
        _channel.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
