using SocketBench.Core.Batches;

namespace SocketBench.Sockets.Buffers;

/// <summary>The buffers of one batch, allocated and pinned once per benchmark case and reused by every batch.</summary>
public sealed class PayloadSet
{
    public PayloadSet(BatchShape shape)
    {
        Shape = shape;
        var buffers = new PinnedBuffer[shape.BufferCount];
        for (int index = 0; index < buffers.Length; index++)
        {
            buffers[index] = new PinnedBuffer(shape.BufferSize);
            buffers[index].Span.Fill((byte)('a' + index % 26));
        }

        _buffers = buffers;
    }

    private readonly PinnedBuffer[] _buffers;

    public BatchShape Shape { get; }

    public IReadOnlyList<PinnedBuffer> Buffers => _buffers;

    internal ReadOnlySpan<PinnedBuffer> AsSpan() => _buffers;

    /// <summary>Verify mode: gives the next batch the sequence numbers starting at <paramref name="firstSequence"/>.</summary>
    public void Stamp(long firstSequence)
    {
        for (int index = 0; index < _buffers.Length; index++)
        {
            PayloadPattern.Stamp(_buffers[index].Span, firstSequence + index);
        }
    }
}
