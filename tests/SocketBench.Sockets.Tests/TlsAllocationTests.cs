using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Tests;

/// <summary>
/// Steady-state TLS batches allocate nothing on the sending thread: SslStream's synchronous write path
/// reuses its buffers and the output's staging buffer is grown once. Counted in bytes, so exact.
/// </summary>
public sealed class TlsAllocationTests
{
    [Theory]
    [InlineData(SendStrategy.PerBufferAwait, 64, 64)]
    [InlineData(SendStrategy.PerBufferAwait, 16384, 16)]
    [InlineData(SendStrategy.FlushBatched, 64, 64)]
    [InlineData(SendStrategy.FlushBatched, 16384, 16)]
    public async Task Steady_state_tls_batches_allocate_nothing(SendStrategy strategy, int bufferSize, int bufferCount)
    {
        using var session = SocketSession.OpenTls(new BatchShape(Transport.Tcp, bufferSize, bufferCount));

        long allocated = await SteadyStateAllocation.Over(session, strategy);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task TaskWaitAll_over_tls_allocates_only_its_task_array()
    {
        using var session = SocketSession.OpenTls(new BatchShape(Transport.Tcp, 64, 64));
        long least = await SteadyStateAllocation.Over(session, SendStrategy.TaskWaitAll, batches: 1);

        // One Task[64]: header plus 64 references; completed writes reuse Task.CompletedTask.
        Assert.InRange(least, 64 * IntPtr.Size, 64 * IntPtr.Size + 64);
    }
}
