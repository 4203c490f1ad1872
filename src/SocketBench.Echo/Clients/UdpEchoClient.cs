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
public sealed class UdpEchoClient : IEchoClient
{
    private readonly Socket _socket;
    private readonly EchoClientOptions _options;
    private readonly byte[] _buffer = new byte[ushort.MaxValue];

    private UdpEchoClient(Socket socket, EchoClientOptions options)
    {
        _socket = socket;
        _options = options;
        RemoteEndPoint = socket.RemoteEndPoint!;
    }

    public EndPoint RemoteEndPoint { get; }

    public EndPoint LocalEndPoint => _socket.LocalEndPoint!;

    public static async Task<UdpEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken)
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
        var socket = DatagramSockets.Bind(new IPEndPoint(any, options.LocalPort), options.SharePort);
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

    public async ValueTask<ReadOnlyMemory<byte>> EchoAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default)
    {
        if (request.Length > Math.Min(_options.MaxMessageBytes, EchoLimits.MaxDatagramBytes))
        {
            throw new SocketStatusException(SocketStatus.MessageTooLong, $"{request.Length} bytes do not fit one datagram (at most {Math.Min(_options.MaxMessageBytes, EchoLimits.MaxDatagramBytes)})");
        }

        using var deadline = new Deadline(_options.Timeout, cancellationToken);
        try
        {
            await _socket.SendAsync(request, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            int received = await _socket.ReceiveAsync(_buffer, SocketFlags.None, deadline.Token).ConfigureAwait(false);
            return _buffer.AsMemory(0, received);
        }
        catch (Exception e)
        {
            if (deadline.Expired)
            {
                // UDP has no connection: a missing server or a lost datagram both look like silence.
                throw new SocketStatusException(SocketStatus.ConnectionTimedOut, $"no reply from {RemoteEndPoint} within {_options.Timeout.TotalSeconds:0.###} s", e);
            }

            throw SocketStatusMap.Wrap(e, $"echo with {RemoteEndPoint} over UDP");
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
