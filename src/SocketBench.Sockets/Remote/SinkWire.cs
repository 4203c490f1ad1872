using System.Buffers.Binary;
using System.Text;

namespace SocketBench.Sockets.Remote;

/// <summary>
/// The byte layouts of the sink protocol (docs/peers.md), all little-endian. Only the session
/// opening and the sink's answers are framed; the data itself is exactly what a loopback run sends.
/// </summary>
public static class SinkWire
{
    public const byte Version = 1;

    /// <summary>TCP opening, 16 bytes: "SBTH", version, flags, 2 reserved, buffer size (int32), 4 reserved.</summary>
    public const int TcpHelloLength = 16;

    /// <summary>UDP opening and closing, 24 bytes: "SBUH", version, flags, 2 reserved, datagram size (int32), session nonce (int64), 4 reserved.</summary>
    public const int UdpHelloLength = 24;

    /// <summary>The sink's reply to a UDP opening, 24 bytes: "SBUR", version, status, 2 reserved, session port (int32), nonce (int64), receive queue (int32).</summary>
    public const int UdpWelcomeLength = 24;

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

    public static byte[] TcpHello(int bufferSize, bool verify)
    {
        var hello = new byte[TcpHelloLength];
        TcpHelloMagic.CopyTo(hello);
        hello[4] = Version;
        hello[5] = verify ? VerifyFlag : (byte)0;
        BinaryPrimitives.WriteInt32LittleEndian(hello.AsSpan(8), bufferSize);
        return hello;
    }

    /// <summary>The buffer size and verify flag of a TCP opening, or null when these are not our bytes.</summary>
    public static (int BufferSize, bool Verify)? ReadTcpHello(ReadOnlySpan<byte> hello)
    {
        if (hello.Length != TcpHelloLength || !hello[..4].SequenceEqual(TcpHelloMagic) || hello[4] != Version)
        {
            return null;
        }

        int size = BinaryPrimitives.ReadInt32LittleEndian(hello[8..]);
        return size > 0 ? (size, (hello[5] & VerifyFlag) != 0) : null;
    }

    public static byte[] UdpHello(int datagramSize, bool verify, long nonce, bool close = false)
    {
        var hello = new byte[UdpHelloLength];
        UdpHelloMagic.CopyTo(hello);
        hello[4] = Version;
        hello[5] = (byte)((verify ? VerifyFlag : 0) | (close ? CloseFlag : 0));
        BinaryPrimitives.WriteInt32LittleEndian(hello.AsSpan(8), datagramSize);
        BinaryPrimitives.WriteInt64LittleEndian(hello.AsSpan(12), nonce);
        return hello;
    }

    public readonly record struct UdpHelloFields(int DatagramSize, bool Verify, bool Close, long Nonce);

    public static UdpHelloFields? ReadUdpHello(ReadOnlySpan<byte> hello)
    {
        if (hello.Length != UdpHelloLength || !hello[..4].SequenceEqual(UdpHelloMagic) || hello[4] != Version)
        {
            return null;
        }

        int size = BinaryPrimitives.ReadInt32LittleEndian(hello[8..]);
        return size is > 0 and <= 65507
            ? new UdpHelloFields(size, (hello[5] & VerifyFlag) != 0, (hello[5] & CloseFlag) != 0, BinaryPrimitives.ReadInt64LittleEndian(hello[12..]))
            : null;
    }

    public static byte[] UdpWelcome(byte status, int sessionPort, long nonce, int receiveBufferBytes)
    {
        var welcome = new byte[UdpWelcomeLength];
        UdpWelcomeMagic.CopyTo(welcome);
        welcome[4] = Version;
        welcome[5] = status;
        BinaryPrimitives.WriteInt32LittleEndian(welcome.AsSpan(8), sessionPort);
        BinaryPrimitives.WriteInt64LittleEndian(welcome.AsSpan(12), nonce);
        BinaryPrimitives.WriteInt32LittleEndian(welcome.AsSpan(20), receiveBufferBytes);
        return welcome;
    }

    public readonly record struct UdpWelcomeFields(byte Status, int SessionPort, long Nonce, int ReceiveBufferBytes);

    public static UdpWelcomeFields? ReadUdpWelcome(ReadOnlySpan<byte> welcome) =>
        welcome.Length == UdpWelcomeLength && welcome[..4].SequenceEqual(UdpWelcomeMagic) && welcome[4] == Version
            ? new UdpWelcomeFields(welcome[5], BinaryPrimitives.ReadInt32LittleEndian(welcome[8..]), BinaryPrimitives.ReadInt64LittleEndian(welcome[12..]), BinaryPrimitives.ReadInt32LittleEndian(welcome[20..]))
            : null;

    public static void WriteCount(Span<byte> destination, long bytes) => BinaryPrimitives.WriteInt64LittleEndian(destination, bytes);

    public static void WriteAnswer(Span<byte> destination, long markerId, long datagrams, long bytes)
    {
        BinaryPrimitives.WriteInt64LittleEndian(destination, markerId);
        BinaryPrimitives.WriteInt64LittleEndian(destination[8..], datagrams);
        BinaryPrimitives.WriteInt64LittleEndian(destination[16..], bytes);
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
