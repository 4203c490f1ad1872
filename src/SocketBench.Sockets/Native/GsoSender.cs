using System.Runtime.InteropServices;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Native;

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
            for (int index = 0; index < count; index++)
            {
                _iov[index].Base = buffers[first + index].Pointer;
                _iov[index].Length = (nuint)datagramSize;
            }

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
