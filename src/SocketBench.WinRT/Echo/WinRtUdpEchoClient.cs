using System.Runtime.InteropServices.WindowsRuntime;
using System.Threading.Channels;
using SocketBench.Core.Errors;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.WinRT.Networking;
using Windows.Networking;
using Windows.Networking.Sockets;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Echo;

/// <summary>
/// A UDP echo client on a connected <see cref="DatagramSocket"/>: requests go out through its OutputStream (one write,
/// one datagram), replies come in through <c>MessageReceived</c>. Binds a fixed local port when asked (the guide's
/// client uses 1336), sharing it with <c>DatagramSocketControl.MulticastOnly</c> for <c>--share-port</c>.
/// </summary>
[Speaks(EchoProtocol.Udp)]
public sealed class WinRtUdpEchoClient : EchoClient
{
    private readonly DatagramSocket _socket = new();
    private readonly Channel<Reply> _replies = Channel.CreateUnbounded<Reply>(new UnboundedChannelOptions { SingleReader = true });

    private WinRtUdpEchoClient(EchoClientOptions options)
        : base(options)
    {
        // Both before binding or connecting, as the guide requires for MulticastOnly.
        _socket.Control.MulticastOnly = options.SharePort;
        _socket.MessageReceived += OnMessageReceived;
    }

    public static new async Task<WinRtUdpEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken)
    {
        Check(options);
        var host = WinRtEndPoints.ParseHost(options.Host);
        var client = new WinRtUdpEchoClient(options);
        using var deadline = new Deadline(options.Timeout, cancellationToken);
        try
        {
            // Connected: the OutputStream sends to the server, and only the server's datagrams are delivered. A fixed
            // local port goes in an endpoint pair whose local host is null, so the system still picks the address.
            string remotePort = WinRtEndPoints.ServiceName(options.Port);
            var connect = options.LocalPort == 0
                ? client._socket.ConnectAsync(host, remotePort)
                : client._socket.ConnectAsync(new EndpointPair(null, WinRtEndPoints.ServiceName(options.LocalPort), host, remotePort));
            await connect.AsTask(deadline.Token).ConfigureAwait(false);
            client.RemoteEndPoint = WinRtEndPoints.From(client._socket.Information.RemoteAddress, client._socket.Information.RemotePort);
            return client;
        }
        catch (Exception e)
        {
            await client.DisposeAsync().ConfigureAwait(false);
            throw WinRtSocketErrors.Wrap(e, $"connecting UDP to {options.Host}:{options.Port}{(options.LocalPort == 0 ? "" : $" from local port {options.LocalPort}")}");
        }
    }

    protected override async ValueTask<ReadOnlyMemory<byte>?> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        await _socket.OutputStream.WriteAsync(request.ToArray().AsBuffer()).AsTask(cancellationToken).ConfigureAwait(false);
        var reply = await _replies.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reply.Payload ?? throw reply.Failure!;
    }

    protected override SocketStatusException Describe(Exception e) =>
        // Windows reports an ICMP "port unreachable" on a connected datagram socket as a reset: nothing listens there.
        WinRtSocketErrors.StatusOf(e) == SocketStatus.ConnectionResetByPeer
            ? new SocketStatusException(SocketStatus.ConnectionRefused, $"echo with {RemoteEndPoint} over UDP: the port is unreachable", e)
            : WinRtSocketErrors.Wrap(e, $"echo with {RemoteEndPoint} over UDP");

    private void OnMessageReceived(DatagramSocket sender, DatagramSocketMessageReceivedEventArgs args)
    {
        try
        {
            using DataReader reader = args.GetDataReader();
            var payload = new byte[reader.UnconsumedBufferLength];
            reader.ReadBytes(payload);
            _replies.Writer.TryWrite(new Reply(payload, null));
        }
        catch (Exception e)
        {
            _replies.Writer.TryWrite(new Reply(null, e));
        }
    }

    public override ValueTask DisposeAsync()
    {
        _socket.MessageReceived -= OnMessageReceived;
        _socket.Dispose();
        _replies.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    /// <summary>A datagram, or the error WinRT raised instead of one.</summary>
    private readonly record struct Reply(byte[]? Payload, Exception? Failure);
}
