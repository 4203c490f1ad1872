using System.Buffers.Binary;
using System.Text;
using SocketBench.Core.Batches;

namespace SocketBench.Sockets.Remote;

/// <summary>
/// The byte layouts of the sink protocol (docs/peers.md), all little-endian. Only the session
/// opening and the sink's answers are framed; the data itself is exactly what a loopback run sends.
/// </summary>
/// <remarks>
/// The TCP opening (16 bytes), the UDP opening and closing (24) and the UDP welcome (24) share one layout:
/// magic, version, flags (a welcome: status), 2 reserved, a size (int32: buffer, datagram, or the session
/// port), then on UDP the session nonce (int64) and the receive queue (int32, reserved in an opening).
/// </remarks>
public static class SinkWire
{
    public const byte Version = 1;

    public const int TcpHelloLength = 16;

    public const int UdpHelloLength = 24;

    /// <summary>A count the TCP sink sends after each read: bytes received so far (int64); -1 means failure, followed by a reason.</summary>
    public const int CountLength = 8;

    /// <summary>The UDP sink's answer to a drain marker, 24 bytes: marker id, datagrams, bytes (int64 each); id -1 means failure, then a reason.</summary>
    public const int AnswerLength = 24;

    public const byte VerifyFlag = 1;
    public const byte CloseFlag = 2;

    public const byte StatusOk = 0;
    public const byte StatusRefused = 1;

    public const long FailureMark = -1;

    private static ReadOnlySpan<byte> TcpHelloMagic => "SBTH"u8;
    private static ReadOnlySpan<byte> UdpHelloMagic => "SBUH"u8;
    private static ReadOnlySpan<byte> UdpWelcomeMagic => "SBUR"u8;

    /// <summary>The fields of an opening or a welcome; <see cref="Flags"/> is a welcome's status, <see cref="Size"/> its session port.</summary>
    public readonly record struct Header(byte Flags, int Size, long Nonce, int ReceiveBufferBytes)
    {
        public bool Verify => (Flags & VerifyFlag) != 0;

        public bool Close => (Flags & CloseFlag) != 0;
    }

    public static byte[] TcpHello(int bufferSize, bool verify) => Write(TcpHelloMagic, TcpHelloLength, new Header(verify ? VerifyFlag : (byte)0, bufferSize, 0, 0));

    /// <summary>The buffer size and verify flag of a TCP opening, or null when these are not our bytes.</summary>
    public static Header? ReadTcpHello(ReadOnlySpan<byte> hello) => Read(hello, TcpHelloMagic, TcpHelloLength) is { Size: > 0 } fields ? fields : null;

    public static byte[] UdpHello(int datagramSize, bool verify, long nonce, bool close = false) =>
        Write(UdpHelloMagic, UdpHelloLength, new Header((byte)((verify ? VerifyFlag : 0) | (close ? CloseFlag : 0)), datagramSize, nonce, 0));

    public static Header? ReadUdpHello(ReadOnlySpan<byte> hello) =>
        Read(hello, UdpHelloMagic, UdpHelloLength) is { Size: > 0 and <= BatchShape.MaxUdpDatagram } fields ? fields : null;

    public static byte[] UdpWelcome(byte status, int sessionPort, long nonce, int receiveBufferBytes) =>
        Write(UdpWelcomeMagic, UdpHelloLength, new Header(status, sessionPort, nonce, receiveBufferBytes));

    public static Header? ReadUdpWelcome(ReadOnlySpan<byte> welcome) => Read(welcome, UdpWelcomeMagic, UdpHelloLength);

    /// <summary>The UDP layout, cut to <paramref name="length"/>: a TCP opening's nonce and queue are 0, so its last 4 bytes are too.</summary>
    private static byte[] Write(ReadOnlySpan<byte> magic, int length, Header header)
    {
        var frame = new byte[UdpHelloLength];
        magic.CopyTo(frame);
        frame[4] = Version;
        frame[5] = header.Flags;
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(8), header.Size);
        BinaryPrimitives.WriteInt64LittleEndian(frame.AsSpan(12), header.Nonce);
        BinaryPrimitives.WriteInt32LittleEndian(frame.AsSpan(20), header.ReceiveBufferBytes);
        return frame[..length];
    }

    private static Header? Read(ReadOnlySpan<byte> frame, ReadOnlySpan<byte> magic, int length)
    {
        if (frame.Length != length || !frame[..4].SequenceEqual(magic) || frame[4] != Version)
        {
            return null;
        }

        bool udp = length == UdpHelloLength;
        return new Header(frame[5], BinaryPrimitives.ReadInt32LittleEndian(frame[8..]),
            udp ? BinaryPrimitives.ReadInt64LittleEndian(frame[12..]) : 0, udp ? BinaryPrimitives.ReadInt32LittleEndian(frame[20..]) : 0);
    }

    /// <summary>A failure frame: the mark (int64 -1), then the reason in UTF-8 (at most 1000 bytes; TCP prefixes its length as uint16).</summary>
    public static byte[] Failure(string reason, bool lengthPrefixed)
    {
        byte[] text = Encoding.UTF8.GetBytes(reason.Length > 400 ? reason[..400] : reason);
        int header = CountLength + (lengthPrefixed ? 2 : 0);
        var frame = new byte[header + text.Length];
        BinaryPrimitives.WriteInt64LittleEndian(frame, FailureMark);
        if (lengthPrefixed)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(frame.AsSpan(CountLength), (ushort)text.Length);
        }

        text.CopyTo(frame, header);
        return frame;
    }
}
