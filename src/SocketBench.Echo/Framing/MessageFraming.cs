using System.Buffers.Binary;

namespace SocketBench.Echo.Framing;

/// <summary>A peer broke the framing rules; the connection that did it is closed, others carry on.</summary>
public sealed class FramingException(string reason) : Exception(reason);

/// <summary>
/// How messages are delimited on a byte stream. Pure functions over spans: no sockets, no streams, so any
/// backend can drive them.
/// <list type="bullet">
/// <item>tcp-line, as the guide's C# sample (StreamReader.ReadLineAsync / WriteLineAsync): the payload ends at
/// '\n', and a '\r' before it is dropped so CRLF peers (ncat -C, telnet) work too.</item>
/// <item>tcp-length, as the guide's C++/WinRT sample with DataWriter's default byte order: a 4-byte unsigned
/// big-endian length, then that many bytes. The length counts UTF-8 bytes (the sample writes the character
/// count, which only agrees for ASCII).</item>
/// </list>
/// </summary>
/// <param name="maxMessageBytes">Largest payload accepted; a frame announcing or reaching more is a <see cref="FramingException"/>.</param>
public sealed class MessageFraming(EchoProtocol protocol, int maxMessageBytes = EchoLimits.DefaultMaxMessageBytes)
{
    public const int HeaderBytes = sizeof(uint);

    private readonly bool _lines = protocol.IsTcp()
        ? protocol == EchoProtocol.TcpLine
        : throw new ArgumentOutOfRangeException(nameof(protocol), protocol, "datagrams carry their own boundaries: no framing");

    /// <summary>
    /// Finds one whole message at the start of <paramref name="buffered"/>. False means "need more bytes";
    /// throws <see cref="FramingException"/> as soon as the bytes seen prove the frame is over the limit,
    /// so a reader never has to buffer (or allocate) what a peer merely claims it will send.
    /// </summary>
    public bool TryParse(ReadOnlySpan<byte> buffered, out Range payload, out int consumed)
    {
        payload = default;
        consumed = 0;
        if (!_lines)
        {
            int frame = buffered.Length < HeaderBytes ? HeaderBytes : HeaderBytes + CheckLength(BinaryPrimitives.ReadUInt32BigEndian(buffered));
            if (buffered.Length < frame)
            {
                return false;
            }

            payload = HeaderBytes..frame;
            consumed = frame;
            return true;
        }

        int end = buffered.IndexOf((byte)'\n');
        if (end < 0)
        {
            // The limit applies to the text; one more byte is allowed for a CR that will be dropped.
            return buffered.Length <= maxMessageBytes + 1
                ? false
                : throw new FramingException($"line longer than the {maxMessageBytes}-byte limit (no newline in the first {buffered.Length} bytes)");
        }

        int length = end > 0 && buffered[end - 1] == (byte)'\r' ? end - 1 : end;
        payload = 0..(length <= maxMessageBytes ? length : throw new FramingException($"line of {length} bytes is over the {maxMessageBytes}-byte limit"));
        consumed = end + 1;
        return true;
    }

    /// <summary>
    /// Judges a length prefix before anyone waits for (or allocates room for) the bytes it announces: the
    /// payload length, or a <see cref="FramingException"/> when the claim is over the limit. For readers that
    /// take the prefix apart themselves, such as WinRT's DataReader.ReadUInt32.
    /// </summary>
    public int CheckLength(uint length) => length <= (uint)maxMessageBytes
        ? (int)length
        : throw new FramingException($"length prefix {length} (0x{length:X8}) is over the {maxMessageBytes}-byte limit");

    /// <summary>Bytes on the wire for a payload of this length.</summary>
    public int FrameLength(int payloadLength) => payloadLength + (_lines ? 1 : HeaderBytes);

    /// <summary>Writes the frame for <paramref name="payload"/> into <paramref name="destination"/> (at least <see cref="FrameLength"/> long).</summary>
    public void Encode(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        if (!_lines)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)payload.Length);
            payload.CopyTo(destination[HeaderBytes..]);
            return;
        }

        if (payload.Contains((byte)'\n'))
        {
            throw new ArgumentException("a line-framed message cannot contain a newline", nameof(payload));
        }

        payload.CopyTo(destination);
        destination[payload.Length] = (byte)'\n';
    }
}
