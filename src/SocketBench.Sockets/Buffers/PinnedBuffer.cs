using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SocketBench.Sockets.Buffers;

/// <summary>
/// One payload buffer on the pinned object heap: its address never changes, so raw sends and
/// iovec arrays use it without pinning on every call (the cost that makes .NET's list-based
/// SendAsync slow for gather writes).
/// </summary>
public sealed unsafe class PinnedBuffer
{
    private readonly byte[] _bytes;

    public PinnedBuffer(int length)
    {
        _bytes = GC.AllocateArray<byte>(length, pinned: true);
        Pointer = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes));
    }

    public int Length => _bytes.Length;

    internal byte* Pointer { get; }

    public Span<byte> Span => _bytes;

    public ReadOnlyMemory<byte> Memory => _bytes;

    public ArraySegment<byte> Segment => new(_bytes);
}
