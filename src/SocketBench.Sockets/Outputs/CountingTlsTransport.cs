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
        int records = _records.Count(buffer);
        if (_counters is { } counters)
        {
            // NetworkStream.Write is one Socket.Send: it returns once the kernel has taken every byte.
            counters.SendCalls++;
            counters.TlsRecords += records;
        }

        socketStream.Write(buffer);
    }

    public override int Read(byte[] buffer, int offset, int count) => socketStream.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => socketStream.Read(buffer);

    public override void Flush() => socketStream.Flush();

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
