using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Receivers;

/// <summary>
/// Counts the bytes a stream delivers; in verify mode checks every byte's content and position.
/// Subclasses only say where the bytes come from: the socket itself, or a TLS stream over it.
/// </summary>
public abstract class StreamReceiver(Socket socket, string name, int bufferSize, bool verify) : Receiver(socket, name)
{
    private long _bytes;
    private byte[]? _inlineBuffer;

    public override long BytesReceived => Volatile.Read(ref _bytes);

    /// <summary>Called on the receive thread after each read with the running total; a remote sink answers the sender with it.</summary>
    public Action<long>? AfterRead { get; init; }

    /// <summary>Whether <see cref="Read"/> spins itself in spin mode (a non-blocking read), so no readiness poll is needed first.</summary>
    protected virtual bool SpinsInRead => false;

    /// <summary>Reads what has arrived into <paramref name="buffer"/>; 0 when the peer closed the stream.</summary>
    protected abstract int Read(byte[] buffer);

    protected override void ReceiveUntilClosed()
    {
        var buffer = new byte[1 << 20];
        do
        {
            if (Spins && !SpinsInRead)
            {
                SpinUntilReadable();
            }
        }
        while (Take(buffer, Read(buffer)));
    }

    public override void ReceiveQueued()
    {
        var buffer = _inlineBuffer ??= new byte[1 << 20];
        while (Socket.Available > 0 && Take(buffer, Read(buffer)))
        {
        }
    }

    /// <summary>Inline mode: reads on the calling thread until <paramref name="target"/> bytes have arrived in all (or the check failed).</summary>
    public void ReceiveUntil(long target)
    {
        var buffer = _inlineBuffer ??= new byte[1 << 20];
        while (_bytes < target && Failure is null)
        {
            if (!Take(buffer, Read(buffer)) && Failure is null)
            {
                Fail($"the stream closed after {_bytes} of {target} bytes");
            }
        }
    }

    /// <summary>Counts one read (checking it in verify mode); false once the stream has ended or a byte was wrong.</summary>
    private bool Take(byte[] buffer, int received)
    {
        if (received == 0)
        {
            return false;
        }

        if (verify && PayloadPattern.StreamProblem(buffer.AsSpan(0, received), _bytes, bufferSize) is { } problem)
        {
            Fail(problem);
            return false;
        }

        Volatile.Write(ref _bytes, _bytes + received);
        AfterRead?.Invoke(_bytes);
        return true;
    }
}

/// <summary>Counts (and in verify mode checks) the bytes a TCP stream delivers, read straight from the socket.</summary>
public sealed class TcpReceiver(Socket socket, int bufferSize, bool verify) : StreamReceiver(socket, "socketbench tcp receiver", bufferSize, verify)
{
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

/// <summary>
/// Counts (and in verify mode checks) the plaintext a TLS stream delivers: the server end's SslStream
/// decrypts each record, so delivery is what the application on the other side would read.
/// </summary>
/// <param name="socket">The accepted socket under <paramref name="tls"/>; disposing the receiver closes it, which ends the read loop.</param>
public sealed class TlsReceiver(Socket socket, SslStream tls, int bufferSize, bool verify)
    : StreamReceiver(socket, "socketbench tls receiver", bufferSize, verify)
{
    protected override int Read(byte[] buffer) => tls.Read(buffer, 0, buffer.Length);
}
