using System.Text;
using System.Text.Unicode;

namespace SocketBench.Echo.Framing;

/// <summary>Message text is UTF-8 on every protocol; invalid bytes are a protocol error, never replaced silently.</summary>
public static class EchoText
{
    private const int DisplayChars = 120;

    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static byte[] Encode(string text) => Strict.GetBytes(text);

    public static void Validate(ReadOnlySpan<byte> payload)
    {
        if (!Utf8.IsValid(payload))
        {
            throw new FramingException($"message of {payload.Length} bytes is not valid UTF-8");
        }
    }

    public static string Decode(ReadOnlySpan<byte> payload)
    {
        Validate(payload);
        return Strict.GetString(payload);
    }

    /// <summary>The text for a log line: long messages are cut, so a 1 MiB message does not flood the console.</summary>
    public static string ForDisplay(ReadOnlySpan<byte> payload)
    {
        // Control characters (a datagram's trailing newline, say) are shown escaped so one event stays one line.
        var text = Decode(payload).Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\t", "\\t", StringComparison.Ordinal);
        return text.Length <= DisplayChars
            ? text
            : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{text.AsSpan(0, DisplayChars)}... ({payload.Length} bytes)");
    }
}
