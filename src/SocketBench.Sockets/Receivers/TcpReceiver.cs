using System.Diagnostics;
using System.Net.Sockets;

namespace SocketBench.Sockets.Receivers;

/// <summary>Counts (and in verify mode checks) the bytes a TCP stream delivers, read straight from the socket.</summary>
public sealed class TcpReceiver : StreamReceiver
{
    public TcpReceiver(Socket socket, int bufferSize, bool verify)
        : base(socket, "socketbench tcp receiver", bufferSize, verify)
    {
    }

    /// <summary>Spin and inline modes read without blocking (one recv per turn of the loop, as a C receiver would spin), not poll then read.</summary>
    protected override bool SpinsInRead => true;

    protected override int Read(byte[] buffer)
    {
        if (!Spins && !Inline)
        {
            return Socket.Receive(buffer);
        }

        if (Socket.Blocking)
        {
            Socket.Blocking = false;
        }

        var spinner = default(SpinWait);
        long started = Stopwatch.GetTimestamp();
        while (true)
        {
            int received = Socket.Receive(buffer, 0, buffer.Length, SocketFlags.None, out var error);
            if (error == SocketError.Success)
            {
                return received;
            }

            if (error != SocketError.WouldBlock || Stopping)
            {
                throw new SocketException((int)error);
            }

            // A receiver thread is stopped by Dispose; an inline read gives up instead, as a blocking one would time out.
            if (Inline && spinner.Count % 1024 == 0 && Stopwatch.GetElapsedTime(started) > InlineStallLimit)
            {
                throw new TimeoutException($"no TCP data arrived for {InlineStallLimit.TotalSeconds:0} s.");
            }

            Idle(ref spinner);
        }
    }
}
