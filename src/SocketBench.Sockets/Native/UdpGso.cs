using System.Net;
using System.Net.Sockets;

namespace SocketBench.Sockets.Native;

/// <summary>
/// Whether this kernel offers UDP generic segmentation offload (UDP_SEGMENT, Linux 4.18+): one send
/// of many equal-sized datagrams that the stack cuts apart below the socket layer.
/// </summary>
public static class UdpGso
{
    internal const int SolUdp = 17;
    internal const int UdpSegment = 103;

    private static readonly Lazy<string?> s_unavailableReason = new(Probe);

    public static bool IsAvailable => s_unavailableReason.Value is null;

    /// <summary>Why the GSO row is not offered here, or null when it is.</summary>
    public static string? UnavailableReason => s_unavailableReason.Value;

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "UDP_SEGMENT is a Linux socket option";
        }

        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.GetRawSocketOption(SolUdp, UdpSegment, new byte[sizeof(int)]);
            return null;
        }
        catch (SocketException error)
        {
            return $"this kernel refuses UDP_SEGMENT ({error.SocketErrorCode})";
        }
    }
}
