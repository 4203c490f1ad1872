using System.Net;
using System.Net.Sockets;
using SocketBench.Echo.Errors;

namespace SocketBench.Echo.Servers;

/// <summary>Binds UDP sockets, optionally sharing the port, for servers and clients alike.</summary>
public static class DatagramSockets
{
    public static Socket Bind(IPEndPoint local, bool sharePort)
    {
        var socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            if (sharePort)
            {
                // .NET turns this into SO_REUSEADDR (and SO_REUSEPORT on Linux), which lets several sockets bind one
                // address and port: what WinRT's DatagramSocketControl.MulticastOnly asks of Windows.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            }

            socket.Bind(local);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw SocketStatusMap.Wrap(e, $"binding UDP {local}{(sharePort ? " with --share-port" : "")}");
        }
    }
}
