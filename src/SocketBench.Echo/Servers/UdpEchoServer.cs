using System.Net;
using System.Net.Sockets;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Logging;

namespace SocketBench.Echo.Servers;

/// <summary>
/// Replies to each datagram at the address and port it came from. A bad datagram is logged and dropped:
/// there is no connection to close, and the next sender must still be served.
/// </summary>
[Speaks(EchoProtocol.Udp)]
public sealed class UdpEchoServer : IEchoServer
{
    private readonly Socket _socket;
    private readonly EchoServerOptions _options;
    private readonly IEchoLog _log;
    private readonly CancellationTokenSource _stop = new();

    private UdpEchoServer(Socket socket, EchoServerOptions options, IEchoLog log)
    {
        _socket = socket;
        _options = options;
        _log = log;
        LocalEndPoint = (IPEndPoint)socket.LocalEndPoint!;
        Completion = RunAsync();
    }

    public IPEndPoint LocalEndPoint { get; }

    public Task Completion { get; }

    public static UdpEchoServer Start(EchoServerOptions options, IEchoLog log) =>
        new(DatagramSockets.Bind(new IPEndPoint(options.Address, options.Port), options.SharePort), options, log);

    private async Task RunAsync()
    {
        await Task.Yield();
        _log.Info($"server is bound to port number {LocalEndPoint.Port}");
        var buffer = new byte[ushort.MaxValue];
        EndPoint anySender = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anySender, _stop.Token).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // Windows reports an earlier reply's ICMP "port unreachable" here; that sender is gone, the server is not.
                    continue;
                }

                if (await EchoAsync(buffer.AsMemory(0, received.ReceivedBytes), received.RemoteEndPoint).ConfigureAwait(false) && _options.Once)
                {
                    return;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && _stop.IsCancellationRequested)
        {
        }
        finally
        {
            _socket.Dispose();
            _log.Info("server closed its socket");
        }
    }

    private Task<bool> EchoAsync(ReadOnlyMemory<byte> payload, EndPoint sender) => DatagramEcho.EchoAsync(
        payload,
        sender.ToString() ?? "a sender",
        _options,
        _log,
        async () => await _socket.SendToAsync(payload, SocketFlags.None, sender, _stop.Token).ConfigureAwait(false),
        e => e is SocketException ? SocketStatusMap.StatusOf(e) : null);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        await Completion.ConfigureAwait(false);
        _stop.Dispose();
    }
}
