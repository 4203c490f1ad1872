using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Tests;

/// <summary>
/// Steady-state sends allocate nothing on the portable output: counted in bytes on the sending
/// thread, so this is exact, not a timing.
/// </summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData(Transport.Tcp, SendStrategy.PerBufferAwait)]
    [InlineData(Transport.Tcp, SendStrategy.FlushBatched)]
    [InlineData(Transport.Udp, SendStrategy.PerBufferAwait)]
    [InlineData(Transport.Udp, SendStrategy.FlushBatched)]
    public async Task Steady_state_batches_allocate_nothing(Transport transport, SendStrategy strategy)
    {
        using var session = SocketSession.Open(new BatchShape(transport, 64, 64));

        long allocated = await SteadyStateAllocation.Over(session, strategy);

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task TaskWaitAll_allocates_only_its_task_array()
    {
        using var session = SocketSession.Open(new BatchShape(Transport.Tcp, 64, 64));

        long allocated = await SteadyStateAllocation.Over(session, SendStrategy.TaskWaitAll, batches: 1);

        // One Task[64]: header plus 64 references; completed writes reuse Task.CompletedTask.
        Assert.InRange(allocated, 64 * IntPtr.Size, 64 * IntPtr.Size + 64);
    }
}
