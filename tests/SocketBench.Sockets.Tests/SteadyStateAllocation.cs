using SocketBench.Core.Sending;
using SocketBench.Sockets.Loopback;

namespace SocketBench.Sockets.Tests;

/// <summary>Managed bytes the sending thread allocates over steady-state batches: exact, not a timing.</summary>
internal static class SteadyStateAllocation
{
    /// <summary>Sends one batch to warm up (first-call allocations are not steady state), then counts over <paramref name="batches"/> more.</summary>
    public static async Task<long> Over(LoopbackSession session, SendStrategy strategy, int batches = 100)
    {
        await SendStrategies.Send(strategy, session.Output, session.Buffers);
        session.WaitForDelivery();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int batch = 0; batch < batches; batch++)
        {
            await SendStrategies.Send(strategy, session.Output, session.Buffers);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        session.WaitForDelivery();
        return allocated;
    }
}
