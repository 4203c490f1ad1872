using System.Globalization;

namespace SocketBench.Core.Batches;

/// <summary>
/// What one benchmark operation sends: <see cref="BufferCount"/> buffers of <see cref="BufferSize"/> bytes.
/// Validated before any socket opens, so a bad parameter is one clear line, not a socket error.
/// </summary>
public sealed record BatchShape(Transport Transport, int BufferSize, int BufferCount)
{
    /// <summary>The largest UDP payload over IPv4: 65535 minus the 8-byte UDP and 20-byte IP headers.</summary>
    public const int MaxUdpDatagram = 65507;

    /// <summary>Cap on buffers per batch; keeps a batch within one sendmmsg/iovec array (IOV_MAX is 1024 on Linux).</summary>
    public const int MaxBufferCount = 1024;

    public Transport Transport { get; } = Transport;

    public int BufferSize { get; } =
        BufferSize <= 0 ? throw new InvalidCaseException($"Invalid buffer size '{Format(BufferSize)}': it must be at least 1 byte. Example: BufferSize=1024.")
        : Transport == Transport.Udp && BufferSize > MaxUdpDatagram ? throw new InvalidCaseException(
            $"Invalid buffer size '{Format(BufferSize)}' for UDP: a datagram carries at most {Format(MaxUdpDatagram)} bytes. Example: BufferSize=1472.")
        : BufferSize;

    public int BufferCount { get; } = BufferCount is > 0 and <= MaxBufferCount
        ? BufferCount
        : throw new InvalidCaseException($"Invalid buffer count '{Format(BufferCount)}': it must be between 1 and {Format(MaxBufferCount)}. Example: BufferCount=64.");

    public long BytesPerBatch => (long)BufferSize * BufferCount;

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Transport} {BufferCount} x {BufferSize} B");

    private static string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>The two sockets the suite measures, both over loopback by default.</summary>
public enum Transport
{
    /// <summary>A TCP stream socket (WinRT <c>StreamSocket</c>).</summary>
    Tcp,

    /// <summary>A connected UDP datagram socket (WinRT <c>DatagramSocket</c> after <c>ConnectAsync</c>).</summary>
    Udp,
}
