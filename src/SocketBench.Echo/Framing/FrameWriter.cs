using System.Buffers;

namespace SocketBench.Echo.Framing;

/// <summary>Writes one framed message with a single write and flush, so header and payload leave together.</summary>
public static class FrameWriter
{
    public static async ValueTask WriteAsync(Stream stream, IMessageFraming framing, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        int length = framing.FrameLength(payload.Length);
        var frame = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            framing.Encode(payload.Span, frame);
            await stream.WriteAsync(frame.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }
}
