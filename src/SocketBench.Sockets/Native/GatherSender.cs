using System.Runtime.InteropServices;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Native;

/// <summary>
/// TCP gather write: a whole batch in one sendmsg(2) with an iovec array. The array lives in native
/// memory and is filled in place, so a send allocates nothing and pins nothing.
/// </summary>
internal sealed unsafe class GatherSender : IDisposable
{
    private readonly NativeSocket _socket;
    private LibC.IoVec* _iov;

    public GatherSender(NativeSocket socket)
    {
        _socket = socket;
        _iov = (LibC.IoVec*)NativeMemory.AllocZeroed((nuint)BatchShape.MaxBufferCount, (nuint)sizeof(LibC.IoVec));
    }

    /// <summary>Sends every byte of the buffers, in order; usually one call, more only if the kernel took part of it.</summary>
    public void Send(ReadOnlySpan<PinnedBuffer> buffers)
    {
        ObjectDisposedException.ThrowIf(_iov == null, this);
        long remaining = 0;
        for (int index = 0; index < buffers.Length; index++)
        {
            _iov[index].Base = buffers[index].Pointer;
            _iov[index].Length = (nuint)buffers[index].Length;
            remaining += buffers[index].Length;
        }

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
