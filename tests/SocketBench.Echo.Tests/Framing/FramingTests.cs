using System.Buffers.Binary;
using System.Text;
using SocketBench.Echo.Framing;

namespace SocketBench.Echo.Tests.Framing;

public sealed class FramingTests
{
    [Fact]
    public void Length_prefix_over_the_limit_is_rejected_from_the_header_alone()
    {
        var framing = new MessageFraming(EchoProtocol.TcpLength, 1024);

        var error = Assert.Throws<FramingException>(() => framing.TryParse([0xFF, 0xFF, 0xFF, 0xFF], out _, out _));

        Assert.Contains("4294967295", error.Message);
    }

    [Fact]
    public void Length_prefix_counts_utf8_bytes_not_characters()
    {
        var framing = new MessageFraming(EchoProtocol.TcpLength);
        var payload = Encoding.UTF8.GetBytes("héllo"); // 5 characters, 6 bytes
        var frame = new byte[framing.FrameLength(payload.Length)];

        framing.Encode(payload, frame);

        Assert.Equal(6u, BinaryPrimitives.ReadUInt32BigEndian(frame));
        Assert.True(framing.TryParse(frame, out var range, out int consumed));
        Assert.Equal(payload, frame[range]);
        Assert.Equal(frame.Length, consumed);
    }

    [Fact]
    public void Length_prefix_waits_for_the_whole_payload()
    {
        var framing = new MessageFraming(EchoProtocol.TcpLength);

        Assert.False(framing.TryParse([0, 0, 0, 3, (byte)'a', (byte)'b'], out _, out _));
    }

    [Fact]
    public void Line_drops_a_carriage_return_before_the_newline()
    {
        var framing = new MessageFraming(EchoProtocol.TcpLine);
        var bytes = "hi\r\nnext"u8.ToArray();

        Assert.True(framing.TryParse(bytes, out var range, out int consumed));

        Assert.Equal("hi"u8.ToArray(), bytes[range]);
        Assert.Equal(4, consumed);
    }

    [Fact]
    public void Line_without_a_newline_past_the_limit_is_rejected_before_more_is_buffered()
    {
        var framing = new MessageFraming(EchoProtocol.TcpLine, 8);

        Assert.False(framing.TryParse(new byte[9], out _, out _)); // 8 bytes and a possible CR
        Assert.Throws<FramingException>(() => framing.TryParse(new byte[10], out _, out _));
    }

    [Fact]
    public void Line_encoding_refuses_a_payload_with_a_newline()
    {
        Assert.Throws<ArgumentException>(() => new MessageFraming(EchoProtocol.TcpLine).Encode("a\nb"u8, new byte[4]));
    }

    [Fact]
    public async Task Reader_assembles_frames_delivered_one_byte_at_a_time()
    {
        var framing = new MessageFraming(EchoProtocol.TcpLength);
        var wire = new MemoryStream();
        foreach (var text in new[] { "one", "", "three ✓" })
        {
            var payload = Encoding.UTF8.GetBytes(text);
            var frame = new byte[framing.FrameLength(payload.Length)];
            framing.Encode(payload, frame);
            wire.Write(frame);
        }

        var input = new TrickleStream(wire.ToArray());
        using var reader = new StreamMessageChannel(input, input, framing);
        var received = new List<string>();
        while (await reader.ReadAsync(CancellationToken.None) is { } message)
        {
            received.Add(Encoding.UTF8.GetString(message.Span));
        }

        Assert.Equal(["one", "", "three ✓"], received);
    }

    [Fact]
    public async Task Reader_reports_a_peer_that_closes_mid_message()
    {
        var input = new MemoryStream([0, 0, 0, 10, 1, 2]);
        using var reader = new StreamMessageChannel(input, input, new MessageFraming(EchoProtocol.TcpLength));

        var error = await Assert.ThrowsAsync<FramingException>(async () => await reader.ReadAsync(CancellationToken.None));

        Assert.Contains("mid-message", error.Message);
    }

    [Fact]
    public async Task Reader_grows_past_its_first_buffer_for_a_long_line()
    {
        var line = new string('x', 100_000);
        var input = new MemoryStream(Encoding.ASCII.GetBytes(line + "\n"));
        using var reader = new StreamMessageChannel(input, input, new MessageFraming(EchoProtocol.TcpLine));

        var message = await reader.ReadAsync(CancellationToken.None);

        Assert.Equal(line.Length, message!.Value.Length);
    }

    [Fact]
    public void Invalid_utf8_is_a_framing_error()
    {
        Assert.Throws<FramingException>(() => EchoText.Validate([0xC3, 0x28]));
    }

    /// <summary>Returns at most one byte per read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}
