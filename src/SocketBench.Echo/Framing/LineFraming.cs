namespace SocketBench.Echo.Framing;

/// <summary>
/// One message per line, as the guide's C# sample (StreamReader.ReadLineAsync / WriteLineAsync): the
/// payload ends at '\n', and a '\r' before it is dropped so CRLF peers (ncat -C, telnet) work too.
/// </summary>
public sealed class LineFraming(int maxMessageBytes = EchoLimits.DefaultMaxMessageBytes) : IMessageFraming
{
    private const byte LineFeed = (byte)'\n';
    private const byte CarriageReturn = (byte)'\r';

    public int MaxMessageBytes { get; } = maxMessageBytes;

    public bool TryParse(ReadOnlySpan<byte> buffered, out Range payload, out int consumed)
    {
        int end = buffered.IndexOf(LineFeed);
        // The limit applies to the text; one more byte is allowed for a CR that will be dropped.
        int longestLine = MaxMessageBytes + 1;
        if (end < 0)
        {
            if (buffered.Length > longestLine)
            {
                throw new FramingException($"line longer than the {MaxMessageBytes}-byte limit (no newline in the first {buffered.Length} bytes)");
            }

            payload = default;
            consumed = 0;
            return false;
        }

        int length = end > 0 && buffered[end - 1] == CarriageReturn ? end - 1 : end;
        if (length > MaxMessageBytes)
        {
            throw new FramingException($"line of {length} bytes is over the {MaxMessageBytes}-byte limit");
        }

        payload = 0..length;
        consumed = end + 1;
        return true;
    }

    public int FrameLength(int payloadLength) => payloadLength + 1;

    public void Encode(ReadOnlySpan<byte> payload, Span<byte> destination)
    {
        if (payload.Contains(LineFeed))
        {
            throw new ArgumentException("a line-framed message cannot contain a newline", nameof(payload));
        }

        payload.CopyTo(destination);
        destination[payload.Length] = LineFeed;
    }
}
