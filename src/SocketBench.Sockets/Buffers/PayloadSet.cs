using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SocketBench.Core.Batches;

namespace SocketBench.Sockets.Buffers;

/// <summary>The buffers of one batch, allocated and pinned once per benchmark case and reused by every batch.</summary>
/// <param name="verify">Verify mode: every batch is stamped with the next sequence numbers before it is sent.</param>
public sealed class PayloadSet(BatchShape shape, bool verify)
{
    private readonly PinnedBuffer[] _buffers = [.. Enumerable.Range(0, shape.BufferCount).Select(index => new PinnedBuffer(shape.BufferSize, fill: (byte)('a' + index % 26)))];
    private long _nextSequence;

    public IReadOnlyList<PinnedBuffer> Buffers => _buffers;

    internal ReadOnlySpan<PinnedBuffer> AsSpan() => _buffers;

    /// <summary>Verify mode: gives the next batch the next sequence numbers (nothing otherwise).</summary>
    public void StampNextBatch()
    {
        if (!verify)
        {
            return;
        }

        foreach (var buffer in _buffers)
        {
            PayloadPattern.Stamp(buffer.Span, _nextSequence++);
        }
    }
}

/// <summary>
/// One payload buffer on the pinned object heap: its address never changes, so raw sends and
/// iovec arrays use it without pinning on every call (the cost that makes .NET's list-based
/// SendAsync slow for gather writes).
/// </summary>
public sealed unsafe class PinnedBuffer
{
    private readonly byte[] _bytes;

    public PinnedBuffer(int length, byte fill = 0)
    {
        _bytes = GC.AllocateArray<byte>(length, pinned: true);
        _bytes.AsSpan().Fill(fill);
        Pointer = (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(_bytes));
    }

    public int Length => _bytes.Length;

    internal byte* Pointer { get; }

    public Span<byte> Span => _bytes;

    public ReadOnlyMemory<byte> Memory => _bytes;

    public ArraySegment<byte> Segment => new(_bytes);

    /// <summary>The bytes in <paramref name="buffers"/>, all told.</summary>
    internal static long TotalLength(ReadOnlySpan<PinnedBuffer> buffers)
    {
        long total = 0;
        foreach (var buffer in buffers)
        {
            total += buffer.Length;
        }

        return total;
    }
}

/// <summary>
/// What verify mode puts in buffer number <c>sequence</c>: its sequence number in the first bytes
/// (little-endian, as many as fit in 8), then bytes derived from the sequence and the offset.
/// A receiver can check any byte knowing only the buffer size, so reordering, loss, duplication
/// and corruption all show up.
/// </summary>
public static class PayloadPattern
{
    public const int SequenceBytes = 8;

    public static byte ExpectedByte(long sequence, int offset) =>
        offset < SequenceBytes
            ? (byte)(sequence >> (8 * offset))
            : (byte)(sequence * 31 + offset);

    public static void Stamp(Span<byte> buffer, long sequence)
    {
        for (int offset = 0; offset < buffer.Length; offset++)
        {
            buffer[offset] = ExpectedByte(sequence, offset);
        }
    }

    /// <summary>Reads the sequence number a datagram carries (only its low bytes when it is shorter than 8).</summary>
    public static long ReadSequence(ReadOnlySpan<byte> datagram)
    {
        Span<byte> sequence = stackalloc byte[SequenceBytes];
        datagram[..Math.Min(SequenceBytes, datagram.Length)].CopyTo(sequence);
        return BinaryPrimitives.ReadInt64LittleEndian(sequence);
    }

    /// <summary>Offset of the first byte that differs from the pattern, or -1.</summary>
    public static int FirstMismatch(ReadOnlySpan<byte> buffer, long sequence)
    {
        for (int offset = 0; offset < buffer.Length; offset++)
        {
            if (buffer[offset] != ExpectedByte(sequence, offset))
            {
                return offset;
            }
        }

        return -1;
    }

    /// <summary>
    /// Verify mode's check of one datagram: why it is wrong (corrupt, or carrying a number already in
    /// <paramref name="seen"/>, to which its number is added), or null when it is right.
    /// </summary>
    public static string? DatagramProblem(ReadOnlySpan<byte> datagram, HashSet<long> seen)
    {
        long sequence = ReadSequence(datagram);
        return FirstMismatch(datagram, sequence) switch
        {
            >= 0 and var mismatch => string.Create(CultureInfo.InvariantCulture, $"datagram {sequence} is corrupt at offset {mismatch}"),
            // A datagram shorter than 8 bytes carries only the low bytes of its number: uniqueness is checkable from 8 up.
            _ when datagram.Length >= SequenceBytes && !seen.Add(sequence) => string.Create(CultureInfo.InvariantCulture, $"datagram {sequence} arrived twice"),
            _ => null,
        };
    }

    /// <summary>
    /// Checks a chunk of a stream made of buffers of <paramref name="bufferSize"/> bytes, buffer after buffer of the
    /// pattern, that starts at <paramref name="streamOffset"/>: the first wrong byte described (its stream offset
    /// says which buffer and where in it), or null when every byte is right.
    /// </summary>
    public static string? StreamProblem(ReadOnlySpan<byte> chunk, long streamOffset, int bufferSize)
    {
        for (int index = 0; index < chunk.Length; index++)
        {
            long offset = streamOffset + index;
            long sequence = offset / bufferSize;
            int inBuffer = (int)(offset % bufferSize);
            if (chunk[index] != ExpectedByte(sequence, inBuffer))
            {
                return string.Create(CultureInfo.InvariantCulture,
                    $"stream byte {offset} (buffer {sequence}, offset {inBuffer}) is 0x{chunk[index]:x2}, expected 0x{ExpectedByte(sequence, inBuffer):x2}");
            }
        }

        return null;
    }
}
