using System.Runtime.InteropServices.WindowsRuntime;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Buffers;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Buffers;

/// <summary>
/// The buffers of one batch as <see cref="IBuffer"/>s, made once per benchmark case. Each wraps a
/// pinned managed array (a <c>WindowsRuntimeBuffer</c>), so verify mode can stamp sequence numbers
/// into the same buffers between batches and no batch allocates or copies a payload.
/// </summary>
public sealed class WinRtPayload
{
    private readonly byte[][] _arrays;
    private readonly IBuffer[] _buffers;

    public WinRtPayload(BatchShape shape)
    {
        _arrays = new byte[shape.BufferCount][];
        _buffers = new IBuffer[shape.BufferCount];
        for (int index = 0; index < _arrays.Length; index++)
        {
            var bytes = GC.AllocateArray<byte>(shape.BufferSize, pinned: true);
            bytes.AsSpan().Fill((byte)('a' + index % 26));
            _arrays[index] = bytes;
            _buffers[index] = bytes.AsBuffer();
        }
    }

    public IReadOnlyList<IBuffer> Buffers => _buffers;

    /// <summary>Verify mode: gives the next batch the sequence numbers starting at <paramref name="firstSequence"/>.</summary>
    public void Stamp(long firstSequence)
    {
        for (int index = 0; index < _arrays.Length; index++)
        {
            PayloadPattern.Stamp(_arrays[index], firstSequence + index);
        }
    }
}
