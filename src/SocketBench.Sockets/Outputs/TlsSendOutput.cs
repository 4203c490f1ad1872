using System.Globalization;
using System.Net.Security;
using SocketBench.Core;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.Outputs;

/// <summary>
/// The queued output over a TLS stream. One queued buffer is one SslStream.Write: at least one TLS
/// record, and one socket send per record. Several queued buffers are copied into one staging buffer
/// and written with one SslStream.Write, which cuts it into records of up to 16 KiB of plaintext.
/// </summary>
/// <remarks>
/// SslStream forbids a second write while one is running. The queue never starts one: writes leave
/// this output one at a time on the caller's thread, so TaskWaitAll's "concurrent" writes run in turn.
/// </remarks>
internal sealed class TlsSendOutput(SslStream tls, SendCounters counters) : QueuedSendOutput(counters)
{
    private readonly SslStream _tls = tls;

    // Grown to the largest batch seen, then reused: the steady state copies and allocates nothing.
    private byte[] _staging = [];

    protected override void SendOne(PinnedBuffer buffer)
    {
        var plaintext = buffer.Segment;
        Write(plaintext.Array!, plaintext.Offset, plaintext.Count);
    }

    protected override void SendMany(ReadOnlySpan<PinnedBuffer> buffers)
    {
        long total = PinnedBuffer.TotalLength(buffers);
        if (total > Array.MaxLength)
        {
            throw new InvalidCaseException(string.Create(CultureInfo.InvariantCulture,
                $"A TLS batch of {total} bytes does not fit one staging buffer ({Array.MaxLength} bytes at most). Example: BufferSize=16384, BufferCount=256."));
        }

        if (_staging.Length < total)
        {
            _staging = GC.AllocateUninitializedArray<byte>((int)total);
        }

        int offset = 0;
        foreach (var buffer in buffers)
        {
            buffer.Span.CopyTo(_staging.AsSpan(offset));
            offset += buffer.Length;
        }

        Write(_staging, 0, offset);
    }

    private void Write(byte[] plaintext, int offset, int count)
    {
        Counters.TlsWrites++;
        _tls.Write(plaintext, offset, count);
    }

    public override void Dispose() => _tls.Dispose();
}

/// <summary>
/// The stream an SslStream writes its records to: it forwards everything to the socket's NetworkStream
/// and counts each write (one socket send) and the TLS records in it, so a TLS row's Sends/buffer means
/// send system calls as every other row's does. Writes before <see cref="StartCounting"/> are the
/// handshake's and are not counted.
/// </summary>
internal sealed class CountingTlsTransport(Stream socketStream) : DuplexStream
{
    private SendCounters? _counters;
    private TlsRecordCounter _records;

    public void StartCounting(SendCounters counters) => _counters = counters;

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

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            socketStream.Dispose();
        }

        base.Dispose(disposing);
    }
}

/// <summary>
/// Counts the TLS records in a byte stream as it is written, from each record's 5-byte header
/// (type, version, 2-byte length). Exact whichever way the writer splits records across writes.
/// </summary>
internal struct TlsRecordCounter
{
    private const int HeaderLength = 5;

    private int _headerSeen;
    private int _lengthHigh;
    private int _bodyLeft;

    /// <summary>Reads the bytes; returns how many records started in them.</summary>
    public int Count(ReadOnlySpan<byte> written)
    {
        int started = 0;
        while (!written.IsEmpty)
        {
            if (_bodyLeft > 0)
            {
                int skipped = Math.Min(_bodyLeft, written.Length);
                _bodyLeft -= skipped;
                written = written[skipped..];
                continue;
            }

            // Header bytes 3 and 4 are the body length, big-endian.
            switch (_headerSeen++)
            {
                case 0:
                    started++;
                    break;
                case 3:
                    _lengthHigh = written[0];
                    break;
                case HeaderLength - 1:
                    _bodyLeft = (_lengthHigh << 8) | written[0];
                    _headerSeen = 0;
                    break;
            }

            written = written[1..];
        }

        return started;
    }
}
