using SocketBench.Echo.Tests.Support;

namespace SocketBench.Echo.Tests.Servers;

[Collection(SoloCollection.Name)]
public sealed class HostileLengthTests
{
    [Fact]
    public async Task Length_prefix_0xFFFFFFFF_closes_that_connection_without_allocating_it()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLength, log);
        long before = GC.GetTotalAllocatedBytes(precise: true);

        await using var attacker = await RawTcp.ConnectAsync(server.LocalEndPoint);
        await attacker.SendAsync([0xFF, 0xFF, 0xFF, 0xFF, 1, 2, 3]);

        Assert.True(await attacker.ClosedByServerAsync());
        var warning = await log.WaitForAsync("length prefix 4294967295");
        Assert.Contains("over the 1048576-byte limit", warning);
        Assert.True(GC.GetTotalAllocatedBytes(precise: true) - before < 1 << 20, "the server allocated for the claimed length");
        await RobustnessTests.AssertStillServesAsync(server, EchoProtocol.TcpLength);
    }
}
