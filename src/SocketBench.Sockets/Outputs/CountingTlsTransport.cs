namespace SocketBench.Sockets.Outputs;

/// <summary>
/// The stream an SslStream writes its records to: it forwards everything to the socket's NetworkStream
/// and counts each write (one socket send) and the TLS records in it, so a TLS row's Sends/buffer means
/// send system calls as every other row's does. Writes before <see cref="StartCounting"/> are the
/// handshake's and are not counted.
/// </summary>
internal sealed class CountingTlsTransport(Stream socketStream) : Stream
{
    private SendCounters? _counters;
    private TlsRecordCounter _records;

    public void StartCounting(SendCounters counters) => _counters = counters;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        Count(buffer);
        socketStream.Write(buffer);
    }

    // The asynchronous writes and flush go to the NetworkStream's own: Stream's defaults would run the synchronous ones
    // on a thread-pool task, and the .NET API rows (SslStream.WriteAsync, a PipeWriter or BufferedStream over it) would
    // then pay a thread hop per write that a user's SslStream over a NetworkStream never pays.
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Count(buffer.Span);
        return socketStream.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task FlushAsync(CancellationToken cancellationToken) => socketStream.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => socketStream.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => socketStream.Read(buffer);

    public override void Flush() => socketStream.Flush();

    private void Count(ReadOnlySpan<byte> written)
    {
        int records = _records.Count(written);
        if (_counters is { } counters)
        {
            // NetworkStream.Write is one Socket.Send: it returns once the kernel has taken every byte. (The asynchronous
            // writes of the .NET API rows are counted too, but their session reports its sends as not counted.)
            counters.SendCalls++;
            counters.TlsRecords += records;
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            socketStream.Dispose();
        }

        base.Dispose(disposing);
    }
}
