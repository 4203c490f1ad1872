using System.Net.Sockets;

namespace SocketBench.Sockets.Receivers;

/// <summary>
/// Whatever tells a UDP session what arrived and which drain marker came through last: a local
/// receiver, or, for a remote peer, a reader of the sink's answers to the markers.
/// </summary>
public abstract class DatagramCounter(Socket socket, string name) : Receiver(socket, name)
{
    public abstract long DatagramsReceived { get; }

    public abstract long BytesReceived { get; }

    public abstract long LastMarkerSeen { get; }
}
