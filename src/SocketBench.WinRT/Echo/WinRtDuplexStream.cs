using SocketBench.Sockets;
using Windows.Networking.Sockets;

namespace SocketBench.WinRT.Echo;

/// <summary>
/// One .NET <see cref="Stream"/> over an accepted <see cref="StreamSocket"/>'s two WinRT streams (through
/// AsStreamForRead and AsStreamForWrite), for the one thing that needs a single duplex stream: SslStream on the
/// server side of TLS. It does not own the socket. SslStream reads and writes through the Memory overloads only, so the
/// byte[] async ones are left to Stream's defaults.
/// </summary>
internal sealed class WinRtDuplexStream(StreamSocket socket) : DuplexStream
{
    // Unbuffered: SslStream does its own buffering, and a record must reach the socket when SslStream flushes.
    private readonly Stream _input = socket.InputStream.AsStreamForRead(bufferSize: 0);
    private readonly Stream _output = socket.OutputStream.AsStreamForWrite(bufferSize: 0);

    public override int Read(byte[] buffer, int offset, int count) => _input.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        _input.ReadAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _output.Write(buffer, offset, count);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _output.WriteAsync(buffer, cancellationToken);

    public override void Flush() => _output.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => _output.FlushAsync(cancellationToken);
}
