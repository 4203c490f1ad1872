using System.Buffers;

namespace SocketBench.Echo.Framing;

/// <summary>
/// Whole messages in and out of one connection, whatever carries them: a framing over .NET Streams here, or
/// WinRT's DataReader/DataWriter. Servers and clients of every backend talk through it; it owns no socket.
/// </summary>
public interface IMessageChannel : IDisposable
{
    /// <summary>
    /// The next message's payload, valid until the next call; null when the peer closed cleanly between
    /// messages. Throws <see cref="FramingException"/> when the peer breaks the framing or closes mid-message.
    /// </summary>
    ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken);

    /// <summary>Sends one framed message and flushes it.</summary>
    ValueTask WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken);
}

/// <summary>
/// A framing over a readable and a writable Stream (the same duplex stream, such as a NetworkStream or an SslStream,
/// or a WinRT stream's two adapters). The read buffer grows only as bytes actually arrive, and never past one frame
/// at the framing's limit, so a peer's claims cost nothing until it sends the bytes.
/// </summary>
public sealed class StreamMessageChannel(Stream input, Stream output, MessageFraming framing) : IMessageChannel
{
    private const int InitialBufferBytes = 4096;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    private int _start;
    private int _end;
    private int _pendingConsume;

    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        _start += _pendingConsume;
        _pendingConsume = 0;
        while (true)
        {
            if (framing.TryParse(_buffer.AsSpan(_start, _end - _start), out var payload, out int consumed))
            {
                _pendingConsume = consumed;
                return _buffer.AsMemory(_start, _end - _start)[payload];
            }

            MakeRoom();
            int read = await input.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return _end == _start
                    ? null
                    : throw new FramingException($"peer closed the connection mid-message ({_end - _start} bytes of an unfinished message)");
            }

            _end += read;
        }
    }

    /// <summary>Writes one framed message with a single write and flush, so header and payload leave together.</summary>
    public async ValueTask WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        int length = framing.FrameLength(payload.Length);
        var frame = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            framing.Encode(payload.Span, frame);
            await output.WriteAsync(frame.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
            await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    private void MakeRoom()
    {
        if (_end < _buffer.Length)
        {
            return;
        }

        // Slide the partial message to the front when that makes room enough, else grow: TryParse has already thrown
        // if the bytes held exceed one frame at the limit, so doubling stays bounded.
        int held = _end - _start;
        var target = held < _buffer.Length / 2 ? _buffer : ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
        Buffer.BlockCopy(_buffer, _start, target, 0, held);
        if (target != _buffer)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _start = 0;
        _end = held;
    }

    /// <summary>Returns the read buffer; the streams belong to whoever opened the connection.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
