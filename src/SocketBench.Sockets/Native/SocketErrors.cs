using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace SocketBench.Sockets.Native;

/// <summary>Maps errno from a raw call to the SocketException .NET's own socket calls would throw.</summary>
internal static class SocketErrors
{
    public static SocketException FromErrno(int errno, string call)
    {
        var error = errno switch
        {
            32 => SocketError.Shutdown,            // EPIPE: the peer closed
            90 => SocketError.MessageSize,         // EMSGSIZE
            100 or 101 => SocketError.NetworkUnreachable,
            103 => SocketError.ConnectionAborted,
            104 => SocketError.ConnectionReset,
            105 => SocketError.NoBufferSpaceAvailable,
            107 => SocketError.NotConnected,
            111 => SocketError.ConnectionRefused,  // connected UDP after ICMP port unreachable
            113 => SocketError.HostUnreachable,
            _ => SocketError.SocketError,
        };
        return new SocketException((int)error, $"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }
}
