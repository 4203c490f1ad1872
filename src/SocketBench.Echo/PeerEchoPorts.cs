using SocketBench.Core.Peers;

namespace SocketBench.Echo;

/// <summary>Which port of a `socketbench serve` peer echoes a protocol (the ports just above its sink's).</summary>
public static class PeerEchoPorts
{
    public static int For(PeerAddress peer, EchoProtocol protocol) => protocol switch
    {
        EchoProtocol.TcpLine => peer.TcpLinePort,
        EchoProtocol.TcpLength => peer.TcpLengthPort,
        _ => peer.UdpEchoPort,
    };
}
