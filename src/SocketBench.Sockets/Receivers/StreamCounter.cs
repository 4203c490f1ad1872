using System.Net.Sockets;

namespace SocketBench.Sockets.Receivers;

/// <summary>
/// Whatever tells a TCP session how many bytes arrived: a local receiver that reads them itself, or,
/// for a remote peer, a reader of the counts the peer's sink sends back.
/// </summary>
public abstract class StreamCounter(Socket socket, string name) : Receiver(socket, name)
{
    public abstract long BytesReceived { get; }
}
