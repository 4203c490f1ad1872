using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Errors;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Servers;

namespace SocketBench.Echo.Clients;

/// <summary>
/// A UDP echo client on a connected datagram socket: only the server's replies are accepted, and an ICMP
/// "port unreachable" surfaces as ConnectionRefused instead of silence.
/// </summary>
[Speaks(EchoProtocol.Udp)]
public sealed class UdpEchoClient : EchoClient
{
    private readonly Socket _socket;
    private readonly byte[] _buffer = new byte[ushort.MaxValue];

    private UdpEchoClient(Socket socket, EchoClientOptions options)
        : base(options)
    {
        _socket = socket;
        RemoteEndPoint = socket.RemoteEndPoint!;
    }

    public EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    public static new async Task<UdpEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken)
    {
        IPAddress[] addresses;
        try
        {
            addresses = await Dns.GetHostAddressesAsync(options.Host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException e)
        {
            throw SocketStatusMap.Wrap(e, $"looking up '{options.Host}'");
        }

        // UDP cannot try each address as TCP connect does; prefer IPv4, where the server binds by default.
        var remote = addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).FirstOrDefault()
            ?? throw new SocketStatusException(SocketStatus.NoAddressesFound, $"'{options.Host}' has no address");
        var any = remote.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any;
        var socket = EchoServer.Bind(new IPEndPoint(any, options.LocalPort), ProtocolType.Udp, options.SharePort);
        try
        {
            socket.Connect(new IPEndPoint(remote, options.Port));
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw SocketStatusMap.Wrap(e, $"connecting UDP to {remote}:{options.Port}");
        }

        return new UdpEchoClient(socket, options);
    }

    protected override async ValueTask<ReadOnlyMemory<byte>?> ExchangeAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken)
    {
        await _socket.SendAsync(request, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        int received = await _socket.ReceiveAsync(_buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
        return _buffer.AsMemory(0, received);
    }

    public override ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
