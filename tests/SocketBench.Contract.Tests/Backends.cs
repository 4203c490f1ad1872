using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Contract.Tests;

/// <summary>Every backend, and how a contract test opens a session on one.</summary>
internal static class Backends
{
    public const string RequiresWindows = "requires Windows";

    /// <summary>Reports the running test as skipped when this OS does not offer the backend.</summary>
    public static void SkipUnlessOffered(Backend backend) =>
        Skip.If(backend == Backend.WinRT && !OperatingSystem.IsWindows(), RequiresWindows);

    /// <summary>A verifying session: the receiver checks every byte's content and position, so order and integrity are asserted by delivery.</summary>
    public static async Task<ISendSession> OpenAsync(Backend backend, BatchShape shape)
    {
        SkipUnlessOffered(backend);
        var options = new SessionOptions(Verify: true);
        return backend switch
        {
            Backend.Sockets => SocketSession.Open(shape, options),
            Backend.WinRT => await WinRtBackend.OpenAsync(shape, options),
            _ => throw new ArgumentOutOfRangeException(nameof(backend), backend, "Unknown backend."),
        };
    }

    /// <summary>Every backend with every strategy and each shape: the rows of a contract theory.</summary>
    public static TheoryData<Backend, SendStrategy, int, int> Cases(int[] sizes, int[] counts)
    {
        var data = new TheoryData<Backend, SendStrategy, int, int>();
        foreach (var backend in Enum.GetValues<Backend>())
        {
            foreach (var strategy in Enum.GetValues<SendStrategy>())
            {
                foreach (int size in sizes)
                {
                    foreach (int count in counts)
                    {
                        data.Add(backend, strategy, size, count);
                    }
                }
            }
        }

        return data;
    }
}
