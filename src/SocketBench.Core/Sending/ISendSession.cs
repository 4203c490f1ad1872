using SocketBench.Core.Batches;

namespace SocketBench.Core.Sending;

/// <summary>
/// A connected sender and a counting receiver in one process, whatever the backend: what the contract
/// tests and the benchmarks need from a session, and nothing a backend could answer differently.
/// </summary>
public interface ISendSession : IDisposable
{
    Backend Backend { get; }

    BatchShape Shape { get; }

    /// <summary>Sends one batch with one of the guide's strategies, through <see cref="SendStrategies"/>.</summary>
    ValueTask SendBatchAsync(SendStrategy strategy);

    /// <summary>Blocks until the receiver has everything sent so far (UDP: or it is proven lost).</summary>
    void WaitForDelivery();

    /// <summary>What was sent and what arrived over the whole session.</summary>
    DeliveryTotals Totals { get; }
}

/// <summary>Buffers (datagrams on UDP) and bytes sent, and how many of them the receiver counted.</summary>
public readonly record struct DeliveryTotals(long BuffersSent, long BytesSent, long BuffersDelivered, long BytesDelivered);

/// <summary>The socket APIs a session can be built on. The names appear in benchmark IDs and never change.</summary>
public enum Backend
{
    /// <summary>.NET's System.Net.Sockets, on every OS.</summary>
    Sockets,

    /// <summary>Windows.Networking.Sockets (StreamSocket, DatagramSocket), on Windows only.</summary>
    WinRT,
}
