using SocketBench.Core.Sending;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Outputs;

/// <summary>
/// The output the strategies write to on Windows: a socket's own <see cref="IOutputStream"/>
/// (<c>StreamSocket.OutputStream</c>, or a connected <c>DatagramSocket.OutputStream</c>), with
/// nothing added. Whatever batching happens is the platform's, which is what the guide claims.
/// </summary>
public sealed class WinRtSendOutput : ISendOutput<IBuffer>
{
    private readonly IOutputStream _stream;

    public WinRtSendOutput(IOutputStream stream) => _stream = stream;

    /// <summary>WriteAsync calls (datagrams on UDP). WinRT does not expose its system calls, so these are not system calls.</summary>
    public long Writes { get; private set; }

    /// <summary>Payload bytes handed to WriteAsync.</summary>
    public long Bytes { get; private set; }

    /// <summary>FlushAsync calls.</summary>
    public long Flushes { get; private set; }

    // The strategies await one write at a time or start them all from one thread, so plain counters suffice.
    public ValueTask WriteAsync(IBuffer buffer)
    {
        Writes++;
        Bytes += buffer.Length;
        return new ValueTask(_stream.WriteAsync(buffer).AsTask());
    }

    public ValueTask FlushAsync()
    {
        Flushes++;
        return new ValueTask(_stream.FlushAsync().AsTask());
    }
}
