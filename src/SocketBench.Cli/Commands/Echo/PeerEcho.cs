using SocketBench.Core.Peers;
using SocketBench.Echo;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>`echo client --peer`: the serve peer's echo port for a protocol, and the one-line error when --host/--port say otherwise.</summary>
internal static class PeerEcho
{
    public static (string Host, int Port) Target(PeerAddress peer, EchoProtocol protocol) => (peer.Host, PeerEchoPorts.For(peer, protocol));

    /// <summary>A bad --peer, or --host/--port given beside it, as one line; null when --peer alone names the target.</summary>
    public static string? Conflict(string peer, string host, int port)
    {
        try
        {
            PeerAddress.Parse(peer);
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }

        if (host != "localhost" || port != EchoClientDefaults.Port)
        {
            return $"Invalid --peer '{peer}' with --host/--port: --peer already names the server. Example: --peer {PeerAddress.Example} --protocol udp.";
        }

        return null;
    }
}
