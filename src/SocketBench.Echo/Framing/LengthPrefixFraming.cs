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

        // Judge the claim before waiting for (or allocating room for) the bytes it announces.
        uint length = BinaryPrimitives.ReadUInt32BigEndian(buffered);
        if (length > (uint)MaxMessageBytes)
        {
            throw new FramingException($"length prefix {length} (0x{length:X8}) is over the {MaxMessageBytes}-byte limit");
        }

        int frame = HeaderBytes + (int)length;
        if (buffered.Length < frame)
        {
            return false;
        }

        payload = HeaderBytes..frame;
        consumed = frame;
        return true;
    }

    public int FrameLength(int payloadLength) => HeaderBytes + payloadLength;

    public void Encode(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt32BigEndian(destination, (uint)payload.Length);
        payload.CopyTo(destination[HeaderBytes..]);
    }
}
