namespace SocketBench.Echo.Framing;

/// <summary>
/// How messages are delimited on a byte stream. Pure functions over spans: no sockets, no streams,
/// so any backend (System.Net.Sockets today, WinRT later) can drive them.
/// </summary>
public interface IMessageFraming
{
    /// <summary>Largest payload accepted; a frame announcing or reaching more is a <see cref="FramingException"/>.</summary>
    int MaxMessageBytes { get; }

    /// <summary>
    /// Finds one whole message at the start of <paramref name="buffered"/>. False means "need more bytes";
    /// throws <see cref="FramingException"/> as soon as the bytes seen prove the frame is over the limit,
    /// so a reader never has to buffer (or allocate) what a peer merely claims it will send.
    /// </summary>
    bool TryParse(ReadOnlySpan<byte> buffered, out Range payload, out int consumed);

    /// <summary>Bytes on the wire for a payload of this length.</summary>
    int FrameLength(int payloadLength);

    /// <summary>Writes the frame for <paramref name="payload"/> into <paramref name="destination"/> (at least <see cref="FrameLength"/> long).</summary>
    void Encode(ReadOnlySpan<byte> payload, Span<byte> destination);
}
