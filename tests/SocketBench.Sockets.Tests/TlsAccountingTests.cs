using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Tests;

/// <summary>
/// What each strategy becomes over TLS, counted three ways: SslStream.Write calls, TLS records on the
/// wire (read from the record headers), and socket writes under the SslStream (the Sends/buffer column).
/// </summary>
public sealed class TlsAccountingTests
{
    private const int MaxRecordPlaintext = 16384;

    [Theory]
    [InlineData(SendStrategy.PerBufferAwait, 64)]
    [InlineData(SendStrategy.PerBufferAwait, 16384)]
    [InlineData(SendStrategy.TaskWaitAll, 64)]
    [InlineData(SendStrategy.TaskWaitAll, 16384)]
    public async Task Per_buffer_strategies_make_one_tls_write_one_record_and_one_send_per_buffer(SendStrategy strategy, int bufferSize)
    {
        var report = await SendBatches(strategy, bufferSize, bufferCount: 64, batches: 5);

        Assert.Equal(5 * 64, report.TlsWrites);
        Assert.Equal(5 * 64, report.TlsRecords);
        Assert.Equal(5 * 64, report.SendCalls);
    }

    [Theory]
    [InlineData(64, 16)]
    [InlineData(64, 256)]
    [InlineData(1024, 64)]
    [InlineData(16384, 64)]
    [InlineData(16384, 256)]
    public async Task FlushBatched_makes_one_tls_write_per_batch_cut_into_16_KiB_records(int bufferSize, int bufferCount)
    {
        const int batches = 5;
        var report = await SendBatches(SendStrategy.FlushBatched, bufferSize, bufferCount, batches);

        long bytesPerBatch = (long)bufferSize * bufferCount;
        long recordsPerBatch = CeilingDivide(bytesPerBatch, MaxRecordPlaintext);
        Assert.Equal(batches, report.TlsWrites);
        Assert.Equal(batches * recordsPerBatch, report.TlsRecords);

        // On Linux SslStream seals up to 32 KiB per step (OpenSSL cuts that into two records) and writes each
        // step to the socket at once; elsewhere a step may be one record. Either way no send per buffer.
        long sendsPerBatch = OperatingSystem.IsLinux() ? CeilingDivide(bytesPerBatch, 2 * MaxRecordPlaintext) : recordsPerBatch;
        Assert.InRange(report.SendCalls ?? -1, batches * CeilingDivide(bytesPerBatch, 2 * MaxRecordPlaintext), batches * recordsPerBatch);
        Assert.Equal(batches * sendsPerBatch, report.SendCalls);
    }

    [Fact]
    public async Task The_send_path_words_agree_with_the_counts()
    {
        foreach (var strategy in Enum.GetValues<SendStrategy>())
        {
            string path = SendPaths.DescribeTls(SendMethods.From(strategy));
            var report = await SendBatches(strategy, bufferSize: 64, bufferCount: 32, batches: 1);

            Assert.Equal(path.Contains("per batch", StringComparison.Ordinal) ? 1 : 32, report.TlsWrites);
        }
    }

    private static long CeilingDivide(long value, long divisor) => (value + divisor - 1) / divisor;

    private static async Task<DeliveryReport> SendBatches(SendStrategy strategy, int bufferSize, int bufferCount, int batches)
    {
        using var session = SocketSession.OpenTls(new BatchShape(Transport.Tcp, bufferSize, bufferCount));
        for (int batch = 0; batch < batches; batch++)
        {
            await SendStrategies.Send(strategy, session.Output, session.Buffers);
            session.WaitForDelivery();
        }

        return session.Delivery;
    }
}
