using System.Runtime.InteropServices;

namespace SocketBench.Sockets.Native;

/// <summary>
/// UDP batch receive: up to <see cref="Slots"/> datagrams per recvmmsg(2) (Linux). A receiver that
/// paid one system call per datagram would be slower than a batching sender, and every UDP row
/// would then measure the receiver instead of the strategy.
/// </summary>
internal sealed unsafe class MmsgReceiver : IDisposable
{
    private readonly int _fd;
    private readonly int _slotLength;
    private LibC.MMsgHdr* _messages;
    private LibC.IoVec* _iov;
    private byte* _slots;

    /// <param name="fd">A blocking socket with a receive timeout, so a receive returns now and then to let the owner stop.</param>
    /// <param name="largestExpected">The largest datagram expected; each slot has room for more, so an oversized one shows as truncated.</param>
    public MmsgReceiver(int fd, int largestExpected)
    {
        _fd = fd;
        _slotLength = largestExpected + 1;
        Slots = Math.Clamp((4 << 20) / _slotLength, 1, 256);
        _messages = (LibC.MMsgHdr*)NativeMemory.AllocZeroed((nuint)Slots, (nuint)sizeof(LibC.MMsgHdr));
        _iov = (LibC.IoVec*)NativeMemory.AllocZeroed((nuint)Slots, (nuint)sizeof(LibC.IoVec));
        _slots = (byte*)NativeMemory.Alloc((nuint)Slots, (nuint)_slotLength);
        for (int slot = 0; slot < Slots; slot++)
        {
            _iov[slot].Base = _slots + (long)slot * _slotLength;
            _iov[slot].Length = (nuint)_slotLength;
            _messages[slot].Header.Iov = _iov + slot;
            _messages[slot].Header.IovLength = 1;
        }
    }

    public int Slots { get; }

    /// <summary>
    /// Takes every datagram already queued (up to <see cref="Slots"/>). With <paramref name="wait"/> it first waits for
    /// one, up to the socket's receive timeout; without, it returns 0 at once when none is queued (a spinning receiver).
    /// </summary>
    public int Receive(bool wait = true)
    {
        ObjectDisposedException.ThrowIf(_messages == null, this);
        while (true)
        {
            int received = LibC.RecvMMsg(_fd, _messages, (uint)Slots, wait ? LibC.MSG_WAITFORONE : LibC.MSG_DONTWAIT, null);
            if (received >= 0)
            {
                return received;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno == LibC.EAGAIN)
            {
                return 0;
            }

            if (errno != LibC.EINTR)
            {
                throw LibC.Error(errno, "recvmmsg");
            }
        }
    }

    /// <summary>The datagram in a slot filled by the last <see cref="Receive"/>; longer than the slot if the kernel truncated it.</summary>
    public ReadOnlySpan<byte> Datagram(int slot)
    {
        int length = (int)_messages[slot].Length;
        bool truncated = (_messages[slot].Header.Flags & LibC.MSG_TRUNC) != 0;
        return new ReadOnlySpan<byte>(_iov[slot].Base, truncated ? _slotLength : Math.Min(length, _slotLength));
    }

    public void Dispose()
    {
        NativeMemory.Free(_messages);
        NativeMemory.Free(_iov);
        NativeMemory.Free(_slots);
        _messages = null;
        _iov = null;
        _slots = null;
    }
}
