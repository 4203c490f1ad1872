using System.Buffers;

namespace SocketBench.Echo.Framing;

/// <summary>
/// Reads whole messages from a Stream (a NetworkStream, an SslStream, or a WinRT stream seen through
/// AsStreamForRead). The buffer grows only as bytes actually arrive, and never past one frame at the
/// framing's limit, so a peer's claims cost nothing until it sends the bytes.
/// </summary>
public sealed class FrameReader : IDisposable
{
    private const int InitialBufferBytes = 4096;

    private readonly Stream _stream;
    private readonly IMessageFraming _framing;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _pendingConsume;

    public FrameReader(Stream stream, IMessageFraming framing)
    {
        _stream = stream;
        _framing = framing;
        _buffer = ArrayPool<byte>.Shared.Rent(InitialBufferBytes);
    }

    /// <summary>Bytes of an unfinished message held right now (for "disconnected mid-message" reports).</summary>
    public int BufferedBytes => _end - _start;

    /// <summary>
    /// The next message's payload, valid until the next call; null when the peer closed cleanly between
    /// messages. Throws <see cref="FramingException"/> when the peer breaks the framing or closes mid-message.
    /// </summary>
    public async ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken)
    {
        _start += _pendingConsume;
        _pendingConsume = 0;
        while (true)
        {
            if (_framing.TryParse(_buffer.AsSpan(_start, _end - _start), out var payload, out int consumed))
            {
                _pendingConsume = consumed;
                return _buffer.AsMemory(_start, _end - _start)[payload];
            }

            MakeRoom();
            int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                if (_end == _start)
                {
                    return null;
                }

                throw new FramingException($"peer closed the connection mid-message ({_end - _start} bytes of an unfinished message)");
            }

            _end += read;
        }
    }

    private void MakeRoom()
    {
        if (_end < _buffer.Length)
        {
            return;
        }

        int held = _end - _start;
        if (_start > 0 && held < _buffer.Length / 2)
        {
            // Slide the partial message to the front rather than grow.
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, held);
        }
        else
        {
            // TryParse has already thrown if the bytes held exceed one frame at the limit, so doubling stays bounded.
            var larger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, InitialBufferBytes));
            Buffer.BlockCopy(_buffer, _start, larger, 0, held);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = larger;
        }

        _start = 0;
        _end = held;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
