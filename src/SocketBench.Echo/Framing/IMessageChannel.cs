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

/// <summary>A framing over a readable and a writable Stream (the same duplex stream, or a WinRT stream's two adapters).</summary>
public sealed class StreamMessageChannel : IMessageChannel
{
    private readonly Stream _output;
    private readonly IMessageFraming _framing;
    private readonly FrameReader _reader;

    public StreamMessageChannel(Stream input, Stream output, IMessageFraming framing)
    {
        _output = output;
        _framing = framing;
        _reader = new FrameReader(input, framing);
    }

    public ValueTask<ReadOnlyMemory<byte>?> ReadAsync(CancellationToken cancellationToken) => _reader.ReadAsync(cancellationToken);

    public ValueTask WriteAsync(ReadOnlyMemory<byte> payload, CancellationToken cancellationToken) =>
        FrameWriter.WriteAsync(_output, _framing, payload, cancellationToken);

    /// <summary>Returns the read buffer; the streams belong to whoever opened the connection.</summary>
    public void Dispose() => _reader.Dispose();
}
