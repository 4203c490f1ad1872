using System.Net.Sockets;
using System.Runtime.InteropServices;
using SocketBench.Sockets.Buffers;

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
            throw LibC.Error(errno, call);
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

/// <summary>
/// The few libc calls the reference rows and batched outputs need. Struct layouts are Linux's
/// (x64 and arm64); callers check <see cref="OperatingSystem.IsLinux"/> before using them.
/// </summary>
internal static unsafe partial class LibC
{
    public const int MSG_NOSIGNAL = 0x4000;
    public const short POLLOUT = 0x004;
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int MSG_TRUNC = 0x20;
    public const int MSG_WAITFORONE = 0x10000;
    public const int MSG_DONTWAIT = 0x40;

    [StructLayout(LayoutKind.Sequential)]
    public struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MsgHdr
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct MMsgHdr
    {
        public MsgHdr Header;
        public uint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int Fd;
        public short Events;
        public short ReturnedEvents;
    }

    [LibraryImport("libc", EntryPoint = "send", SetLastError = true)]
    public static partial nint Send(int fd, void* buffer, nuint length, int flags);

    [LibraryImport("libc", EntryPoint = "sendmsg", SetLastError = true)]
    public static partial nint SendMsg(int fd, MsgHdr* message, int flags);

    [LibraryImport("libc", EntryPoint = "sendmmsg", SetLastError = true)]
    public static partial int SendMMsg(int fd, MMsgHdr* messages, uint count, int flags);

    [LibraryImport("libc", EntryPoint = "recvmmsg", SetLastError = true)]
    public static partial int RecvMMsg(int fd, MMsgHdr* messages, uint count, int flags, void* timeout);

    [LibraryImport("libc", EntryPoint = "poll", SetLastError = true)]
    public static partial int Poll(PollFd* fds, nuint count, int timeoutMilliseconds);

    /// <summary>Points one iovec at each buffer, in order, for a gather or batched send.</summary>
    public static void Fill(IoVec* iov, ReadOnlySpan<PinnedBuffer> buffers)
    {
        for (int index = 0; index < buffers.Length; index++)
        {
            iov[index] = new IoVec { Base = buffers[index].Pointer, Length = (nuint)buffers[index].Length };
        }
    }

    /// <summary>Maps errno from a raw call to the SocketException .NET's own socket calls would throw.</summary>
    public static SocketException Error(int errno, string call)
    {
        var error = errno switch
        {
            32 => SocketError.Shutdown,            // EPIPE: the peer closed
            90 => SocketError.MessageSize,         // EMSGSIZE
            100 or 101 => SocketError.NetworkUnreachable,
            103 => SocketError.ConnectionAborted,
            104 => SocketError.ConnectionReset,
            105 => SocketError.NoBufferSpaceAvailable,
            107 => SocketError.NotConnected,
            111 => SocketError.ConnectionRefused,  // connected UDP after ICMP port unreachable
            113 => SocketError.HostUnreachable,
            _ => SocketError.SocketError,
        };
        return new SocketException((int)error, $"{call} failed: {Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})");
    }
}

/// <summary>A receive queue a whole batch fits in, for the loopback receiver and the remote sink's session sockets alike.</summary>
internal static class SocketBuffers
{
    /// <summary>A UDP receive queue with room for a 256-datagram batch; the kernel may grant less.</summary>
    public const int RequestedReceiveQueue = 8 << 20;

    // Linux's SOL_SOCKET: .NET passes a raw option's level through unchanged, and SocketOptionLevel.Socket is Windows'
    // 0xffff, which Linux refuses. SO_SNDBUFFORCE and SO_RCVBUFFORCE pass the wmem_max/rmem_max caps when the process may.
    private const int SolSocket = 1;
    public const int SoSndBufForce = 32;
    public const int SoRcvBufForce = 33;

    /// <summary>Sets a socket buffer past the system's cap (Linux, root or CAP_NET_ADMIN); false when it was not granted.</summary>
    public static bool TryForce(Socket socket, int option, int bytes)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            socket.SetRawSocketOption(SolSocket, option, BitConverter.GetBytes(bytes));
        }
        catch (SocketException)
        {
            return false;
        }

        return (option == SoRcvBufForce ? socket.ReceiveBufferSize : socket.SendBufferSize) >= bytes;
    }

    /// <summary>Asks for <see cref="RequestedReceiveQueue"/>, forced past rmem_max where the process may, capped by the kernel where not.</summary>
    public static void EnlargeReceiveQueue(Socket socket)
    {
        if (!TryForce(socket, SoRcvBufForce, RequestedReceiveQueue))
        {
            socket.ReceiveBufferSize = RequestedReceiveQueue;
        }
    }
}
