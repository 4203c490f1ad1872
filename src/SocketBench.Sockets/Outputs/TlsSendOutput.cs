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
public sealed class TlsSendOutput : QueuedSendOutput
{
    private readonly SslStream _tls;

    // Grown to the largest batch seen, then reused: the steady state copies and allocates nothing.
    private byte[] _staging = [];

    internal TlsSendOutput(SslStream tls, SendCounters counters)
        : base(counters)
    {
        _tls = tls;
    }

    protected override void SendOne(PinnedBuffer buffer)
    {
        var plaintext = buffer.Segment;
        Write(plaintext.Array!, plaintext.Offset, plaintext.Count);
    }

    protected override void SendMany(ReadOnlySpan<PinnedBuffer> buffers)
    {
        long total = 0;
        foreach (var buffer in buffers)
        {
            total += buffer.Length;
        }

        if (total > Array.MaxLength)
        {
            throw new BatchShapeException(string.Create(CultureInfo.InvariantCulture,
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
