using SocketBench.Core.Errors;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Framing;
using SocketBench.WinRT.Networking;
using Windows.Networking.Sockets;

namespace SocketBench.WinRT.Echo;

/// <summary>A TCP echo client on a <see cref="StreamSocket"/>, over either framing, optionally with the guide's TLS.</summary>
[Speaks(EchoProtocol.TcpLine, EchoProtocol.TcpLength)]
public sealed class WinRtTcpEchoClient : EchoClient
{
    private readonly StreamSocket _socket;
    private readonly IMessageChannel _channel;

    private WinRtTcpEchoClient(StreamSocket socket, EchoClientOptions options)
        : base(options)
    {
        _socket = socket;
        _channel = WinRtChannels.Open(options.Protocol, socket.InputStream, socket.OutputStream, options.MaxMessageBytes);
        RemoteEndPoint = WinRtEndPoints.From(socket.Information.RemoteAddress, socket.Information.RemotePort);
    }

    public static new async Task<WinRtTcpEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken)
    {
        Check(options);
        var host = WinRtEndPoints.ParseHost(options.Host);
        var socket = new StreamSocket();
        using var deadline = new Deadline(options.Timeout, cancellationToken);
        try
        {
            socket.Control.NoDelay = true;
            var protection = options.Tls is { } tls ? await WinRtClientTls.PrepareAsync(socket, tls).ConfigureAwait(false) : SocketProtectionLevel.PlainSocket;
            await socket.ConnectAsync(host, WinRtEndPoints.ServiceName(options.Port), protection).AsTask(deadline.Token).ConfigureAwait(false);
            WinRtClientTls.CheckServer(socket, options.Tls);
            return new WinRtTcpEchoClient(socket, options);
        }
        catch (Exception e)
        {
            socket.Dispose();
            throw deadline.Expired ? ConnectTimedOut(options, e) : WinRtSocketErrors.Wrap(e, $"connecting to {options.Host}:{options.Port}{(options.Tls is null ? "" : " with TLS")}");
        }
    }

    protected override ValueTask<ReadOnlyMemory<byte>?> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken) =>
        ExchangeAsync(_channel, request, cancellationToken);

    protected override SocketStatusException Describe(Exception e) => WinRtSocketErrors.Wrap(e, $"echo with {RemoteEndPoint}");

    public override ValueTask DisposeAsync()
    {
        _channel.Dispose();
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
