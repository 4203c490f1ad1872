using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Native;

/// <summary>
/// TCP gather write: a whole batch in one sendmsg(2) with an iovec array. The array lives in native
/// memory and is filled in place, so a send allocates nothing and pins nothing.
/// </summary>
internal sealed unsafe class GatherSender(NativeSocket socket) : IDisposable
{
    private readonly NativeSocket _socket = socket;
    private LibC.IoVec* _iov = (LibC.IoVec*)NativeMemory.AllocZeroed((nuint)BatchShape.MaxBufferCount, (nuint)sizeof(LibC.IoVec));

    /// <summary>Sends every byte of the buffers, in order; usually one call, more only if the kernel took part of it.</summary>
    public void Send(ReadOnlySpan<PinnedBuffer> buffers)
    {
        ObjectDisposedException.ThrowIf(_iov == null, this);
        LibC.Fill(_iov, buffers);
        long remaining = PinnedBuffer.TotalLength(buffers);

        int first = 0;
        var message = default(LibC.MsgHdr);
        while (remaining > 0)
        {
            message.Iov = _iov + first;
            message.IovLength = (nuint)(buffers.Length - first);
            long sent = _socket.SendMsg(&message);
            remaining -= sent;
            first = SkipSent(first, sent);
        }
    }

    // A partial send leaves the kernel holding a prefix: drop the iovecs it took whole, trim the one it took part of.
    private int SkipSent(int first, long sent)
    {
        while (sent > 0)
        {
            long length = (long)_iov[first].Length;
            if (sent >= length)
            {
                sent -= length;
                first++;
            }
            else
            {
                _iov[first].Base = (byte*)_iov[first].Base + sent;
                _iov[first].Length -= (nuint)sent;
                sent = 0;
            }
        }

        return first;
    }

    public void Dispose()
    {
        NativeMemory.Free(_iov);
        _iov = null;
    }
}

/// <summary>
/// UDP batch send: N datagrams in one sendmmsg(2) (Linux). Unlike a gather write, each message
/// keeps its own boundary, so N buffers stay N datagrams. Headers live in native memory, built once.
/// </summary>
internal sealed unsafe class MmsgSender : IDisposable
{
    private readonly NativeSocket _socket;
    private LibC.MMsgHdr* _messages;
    private LibC.IoVec* _iov;

    public MmsgSender(NativeSocket socket)
    {
        _socket = socket;
        _messages = (LibC.MMsgHdr*)NativeMemory.AllocZeroed((nuint)BatchShape.MaxBufferCount, (nuint)sizeof(LibC.MMsgHdr));
        _iov = (LibC.IoVec*)NativeMemory.AllocZeroed((nuint)BatchShape.MaxBufferCount, (nuint)sizeof(LibC.IoVec));
        for (int index = 0; index < BatchShape.MaxBufferCount; index++)
        {
            // A connected socket needs no address per message: Name stays null.
            _messages[index].Header.Iov = _iov + index;
            _messages[index].Header.IovLength = 1;
        }
    }

    /// <summary>Sends each buffer as one datagram; one call for the batch unless the kernel takes only part of it.</summary>
    public void Send(ReadOnlySpan<PinnedBuffer> buffers)
    {
        ObjectDisposedException.ThrowIf(_messages == null, this);
        LibC.Fill(_iov, buffers);

        int sent = 0;
        while (sent < buffers.Length)
        {
            sent += _socket.SendMMsg(_messages + sent, buffers.Length - sent);
        }
    }

    public void Dispose()
    {
        NativeMemory.Free(_messages);
        NativeMemory.Free(_iov);
        _messages = null;
        _iov = null;
    }
}

/// <summary>
/// UDP GSO batch send (Linux): the batch's buffers gathered into one sendmsg with a UDP_SEGMENT
/// control message carrying the datagram size, so the kernel builds one large packet and splits it
/// into equal datagrams below the socket layer. The receiver still sees one datagram per buffer.
/// </summary>
internal sealed unsafe class GsoSender : IDisposable
{
    // The kernel's limits for one GSO send: at most 64 segments (UDP_MAX_SEGMENTS on older kernels),
    // and the whole payload must fit one IPv4 datagram.
    private const int MaxSegments = 64;
    private const int MaxPayload = BatchShape.MaxUdpDatagram;

    // cmsghdr (size_t length, int level, int type) then a uint16 segment size, padded to 8 bytes.
    private const int ControlHeaderLength = 16;
    private const int ControlLength = ControlHeaderLength + sizeof(ushort);
    private const int ControlSpace = ControlHeaderLength + 8;

    private readonly NativeSocket _socket;
    private LibC.IoVec* _iov;
    private byte* _control;

    public GsoSender(NativeSocket socket)
    {
        _socket = socket;
        _iov = (LibC.IoVec*)NativeMemory.AllocZeroed((nuint)BatchShape.MaxBufferCount, (nuint)sizeof(LibC.IoVec));
        _control = (byte*)NativeMemory.AllocZeroed(ControlSpace);
        *(nuint*)_control = ControlLength;
        *(int*)(_control + 8) = UdpGso.SolUdp;
        *(int*)(_control + 12) = UdpGso.UdpSegment;
    }

    /// <summary>Sends every buffer as one datagram; buffers must all be <paramref name="datagramSize"/> bytes.</summary>
    public void Send(ReadOnlySpan<PinnedBuffer> buffers, int datagramSize)
    {
        ObjectDisposedException.ThrowIf(_iov == null, this);
        *(ushort*)(_control + ControlHeaderLength) = (ushort)datagramSize;
        int perSend = Math.Max(1, Math.Min(MaxSegments, MaxPayload / datagramSize));
        for (int first = 0; first < buffers.Length; first += perSend)
        {
            int count = Math.Min(perSend, buffers.Length - first);
            LibC.Fill(_iov, buffers.Slice(first, count));

            var message = new LibC.MsgHdr
            {
                Iov = _iov,
                IovLength = (nuint)count,
                Control = _control,
                ControlLength = ControlSpace,
            };

            // A datagram send is all or nothing: the kernel took the whole chunk.
            _socket.SendMsg(&message);
        }
    }

    public void Dispose()
    {
        NativeMemory.Free(_iov);
        NativeMemory.Free(_control);
        _iov = null;
        _control = null;
    }
}

/// <summary>
/// Whether this kernel offers UDP generic segmentation offload (UDP_SEGMENT, Linux 4.18+): one send
/// of many equal-sized datagrams that the stack cuts apart below the socket layer.
/// </summary>
public static class UdpGso
{
    internal const int SolUdp = 17;
    internal const int UdpSegment = 103;

    private static readonly Lazy<string?> s_unavailableReason = new(Probe);

    public static bool IsAvailable => s_unavailableReason.Value is null;

    /// <summary>Why the GSO row is not offered here, or null when it is.</summary>
    public static string? UnavailableReason => s_unavailableReason.Value;

    private static string? Probe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return "UDP_SEGMENT is a Linux socket option";
        }

        try
        {
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            socket.GetRawSocketOption(SolUdp, UdpSegment, new byte[sizeof(int)]);
            return null;
        }
        catch (SocketException error)
        {
            return $"this kernel refuses UDP_SEGMENT ({error.SocketErrorCode})";
        }
    }
}
