using System.Net.Sockets;

namespace SocketBench.Sockets.Receivers;

/// <summary>Counts (and in verify mode checks) the bytes a TCP stream delivers, read straight from the socket.</summary>
public sealed class TcpReceiver : StreamReceiver
{
    public TcpReceiver(Socket socket, int bufferSize, bool verify)
        : base(socket, "socketbench tcp receiver", bufferSize, verify)
    {
    }

    protected override int Read(byte[] buffer) => Socket.Receive(buffer);
}
