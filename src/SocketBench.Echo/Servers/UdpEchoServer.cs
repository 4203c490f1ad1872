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
public sealed class UdpEchoServer : EchoServer
{
    private readonly Socket _socket;

    internal UdpEchoServer(EchoServerOptions options, EchoLog log)
        : base(options, log)
    {
        _socket = Bind(new IPEndPoint(options.Address, options.Port), ProtocolType.Udp, options.SharePort);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        Completion = RunAsync();
    }

    private async Task RunAsync()
    {
        await Task.Yield();
        Log.Info($"server is bound to port number {LocalEndPoint.Port}");
        var buffer = new byte[ushort.MaxValue];
        EndPoint anySender = new IPEndPoint(LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        try
        {
            while (!Stop.IsCancellationRequested)
            {
                SocketReceiveFromResult received;
                try
                {
                    received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, anySender, Stop.Token).ConfigureAwait(false);
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
                {
                    // Windows reports an earlier reply's ICMP "port unreachable" here; that sender is gone, the server is not.
                    continue;
                }

                var payload = buffer.AsMemory(0, received.ReceivedBytes);
                var sender = received.RemoteEndPoint;
                await EchoDatagramAsync(
                    payload,
                    sender.ToString() ?? "a sender",
                    async () => await _socket.SendToAsync(payload, SocketFlags.None, sender, Stop.Token).ConfigureAwait(false),
                    e => e is SocketException ? SocketStatusMap.StatusOf(e) : null).ConfigureAwait(false);
            }
        }
        catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException && Stop.IsCancellationRequested)
        {
        }
        finally
        {
            _socket.Dispose();
            Log.Info("server closed its socket");
        }
    }
}
