using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace SocketBench.Sockets.Native;

/// <summary>
/// A socket's file descriptor, held for raw system calls. Every send call it makes is counted, so
/// each benchmark row can say how many kernel transitions a buffer cost.
/// </summary>
internal sealed unsafe class NativeSocket : IDisposable
{
    // How long a send may wait for room in a full socket buffer before the run is declared stuck.
    private const int StuckAfterMilliseconds = 30_000;

    private readonly SafeSocketHandle _handle;
    private bool _addedRef;

    private readonly SendCounters _counters;

    public NativeSocket(Socket socket, SendCounters counters)
    {
        _counters = counters;
        _handle = socket.SafeHandle;
        _handle.DangerousAddRef(ref _addedRef);
        Fd = (int)_handle.DangerousGetHandle();
    }

    public int Fd { get; }

    /// <summary>One send(2) of the whole span; loops on partial sends and waits for room when the socket is non-blocking.</summary>
    public void Send(byte* data, int length)
    {
        while (length > 0)
        {
            _counters.SendCalls++;
            nint sent = LibC.Send(Fd, data, (nuint)length, LibC.MSG_NOSIGNAL);
            if (sent < 0)
            {
                WaitOrThrow("send");
                continue;
            }

            data += sent;
            length -= (int)sent;
        }
    }

    /// <summary>One sendmsg(2) call; returns bytes accepted (may be fewer than offered).</summary>
    public long SendMsg(LibC.MsgHdr* message)
    {
        while (true)
        {
            _counters.SendCalls++;
            nint sent = LibC.SendMsg(Fd, message, LibC.MSG_NOSIGNAL);
            if (sent >= 0)
            {
                return sent;
            }

            WaitOrThrow("sendmsg");
        }
    }

    /// <summary>One sendmmsg(2) call; returns how many messages the kernel took.</summary>
    public int SendMMsg(LibC.MMsgHdr* messages, int count)
    {
        while (true)
        {
            _counters.SendCalls++;
            int sent = LibC.SendMMsg(Fd, messages, (uint)count, LibC.MSG_NOSIGNAL);
            if (sent >= 0)
            {
                return sent;
            }

            WaitOrThrow("sendmmsg");
        }
    }

    /// <summary>
    /// .NET switches a socket's descriptor to non-blocking once any async call touched it; a raw
    /// send then reports EAGAIN when the buffer is full. Wait for room as a blocking send would.
    /// </summary>
    private void WaitOrThrow(string call)
    {
        int errno = Marshal.GetLastPInvokeError();
        if (errno == LibC.EINTR)
        {
            return;
        }

        if (errno != LibC.EAGAIN)
        {
            throw SocketErrors.FromErrno(errno, call);
        }

        var pollFd = new LibC.PollFd { Fd = Fd, Events = LibC.POLLOUT };
        int ready = LibC.Poll(&pollFd, 1, StuckAfterMilliseconds);
        if (ready == 0)
        {
            throw new TimeoutException($"{call} found no room in the socket buffer for {StuckAfterMilliseconds / 1000} s: the receiver stopped reading.");
        }
    }

    public void Dispose()
    {
        if (_addedRef)
        {
            _addedRef = false;
            _handle.DangerousRelease();
        }
    }
}
