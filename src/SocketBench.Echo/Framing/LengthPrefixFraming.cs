using System.Buffers.Binary;

namespace SocketBench.Echo.Framing;

/// <summary>
/// A 4-byte unsigned big-endian length, then that many bytes, as the guide's C++/WinRT sample with
/// DataWriter's default byte order. The length counts UTF-8 bytes (the sample writes the character
/// count, which only agrees for ASCII).
/// </summary>
public sealed class LengthPrefixFraming(int maxMessageBytes = EchoLimits.DefaultMaxMessageBytes) : IMessageFraming
{
    public const int HeaderBytes = sizeof(uint);

    public int MaxMessageBytes { get; } = maxMessageBytes;

    public bool TryParse(ReadOnlySpan<byte> buffered, out Range payload, out int consumed)
    {
        payload = default;
        consumed = 0;
        if (buffered.Length < HeaderBytes)
        {
            return false;
        }

        int frame = HeaderBytes + CheckLength(BinaryPrimitives.ReadUInt32BigEndian(buffered));
        if (buffered.Length < frame)
        {
            return false;
        }

        payload = HeaderBytes..frame;
        consumed = frame;
        return true;
    }

    /// <summary>
    /// Judges a length prefix before anyone waits for (or allocates room for) the bytes it announces: the
    /// payload length, or a <see cref="FramingException"/> when the claim is over the limit. For readers that
    /// take the prefix apart themselves, such as WinRT's DataReader.ReadUInt32.
    /// </summary>
    public int CheckLength(uint length) => length <= (uint)MaxMessageBytes
        ? (int)length
        : throw new FramingException($"length prefix {length} (0x{length:X8}) is over the {MaxMessageBytes}-byte limit");

    public int FrameLength(int payloadLength) => HeaderBytes + payloadLength;

    public void Encode(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)payload.Length);
        payload.CopyTo(destination[HeaderBytes..]);
    }
}
