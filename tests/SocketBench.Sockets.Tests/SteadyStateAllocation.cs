using SocketBench.Core.Sending;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Tests;

/// <summary>Managed bytes the sending thread allocates over steady-state batches: exact, not a timing.</summary>
internal static class SteadyStateAllocation
{
    // The counter also sees one-off allocations the runtime makes on this thread now and then while other
    // test classes run in parallel (a few hundred bytes to 8 KB in one window out of many, with no garbage
    // collection in it). A strategy that allocates per batch allocates in every window, so the smallest of
    // several windows is the honest figure.
    private const int Windows = 5;

    /// <summary>Sends one batch to warm up (first-call allocations are not steady state), then counts over <paramref name="batches"/> more, in the quietest of several windows.</summary>
    public static async Task<long> Over(SocketSession session, SendStrategy strategy, int batches = 100)
    {
        await SendStrategies.Send(strategy, session.Output, session.Buffers);
        session.WaitForDelivery();

        long fewest = long.MaxValue;
        for (int window = 0; window < Windows && fewest > 0; window++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int batch = 0; batch < batches; batch++)
            {
                await SendStrategies.Send(strategy, session.Output, session.Buffers);
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
            session.WaitForDelivery();
        }

        return fewest;
    }
}
