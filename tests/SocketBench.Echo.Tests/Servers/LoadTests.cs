using System.Text;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Servers;
using SocketBench.Echo.Tests.Support;

namespace SocketBench.Echo.Tests.Servers;

[Collection(SoloCollection.Name)]
public sealed class LoadTests
{
    private const int Clients = 200;
    private const int MessagesPerClient = 100;

    [Fact]
    public async Task Two_hundred_concurrent_clients_get_every_message_back_exactly_and_memory_returns()
    {
        var log = new RecordingLog();
        var server = (TcpEchoServer)TestServers.Start(EchoProtocol.TcpLength, log, o => o with { LogMessages = false });
        await using var _ = server;
        // Warm the paths once so the baseline includes what any first connection allocates for good (JIT, pools).
        await RunClientAsync(server, -1, 3);
        long baseline = SettledMemory();

        var clients = Enumerable.Range(0, Clients).Select(id => RunClientAsync(server, id, MessagesPerClient));
        int[] echoed = await Task.WhenAll(clients).Within(TimeSpan.FromSeconds(60));

        Assert.All(echoed, count => Assert.Equal(MessagesPerClient, count));
        Assert.Empty(log.Warnings);
        await WaitUntilAsync(() => server.OpenConnections == 0);
        long after = SettledMemory();
        // Per-connection state (socket, 4 KiB read buffer, tasks) for 200 clients is several MiB; a leak keeps it.
        Assert.True(after - baseline < 4 << 20, $"server memory grew from {baseline} to {after} bytes after every client left");
    }

    private static async Task<int> RunClientAsync(EchoServer server, int id, int messages)
    {
        await using var client = await EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.TcpLength));
        int exact = 0;
        for (int i = 0; i < messages; i++)
        {
            var request = Encoding.UTF8.GetBytes($"client {id} message {i} ✓");
            var response = await client.EchoAsync(request);
            exact += response.Span.SequenceEqual(request) ? 1 : 0;
        }

        return exact;
    }

    private static long SettledMemory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + Deadlines.Default;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "condition not met before the deadline");
            await Task.Delay(10);
        }
    }
}
