namespace SocketBench.Core.Batches;

/// <summary>The two sockets the suite measures, both over loopback by default.</summary>
public enum Transport
{
    /// <summary>A TCP stream socket (WinRT <c>StreamSocket</c>).</summary>
    Tcp,

    /// <summary>A connected UDP datagram socket (WinRT <c>DatagramSocket</c> after <c>ConnectAsync</c>).</summary>
    Udp,
}
