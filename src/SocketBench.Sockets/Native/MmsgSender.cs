using System.Runtime.InteropServices;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Native;

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
        for (int index = 0; index < buffers.Length; index++)
        {
            _iov[index].Base = buffers[index].Pointer;
            _iov[index].Length = (nuint)buffers[index].Length;
        }

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
