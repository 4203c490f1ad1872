using System.Text;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Servers;
using SocketBench.Echo.Tests.Support;

namespace SocketBench.Echo.Tests.Servers;

/// <summary>A server must outlive its worst client: each bad client is closed with a logged reason, and a good one is still served.</summary>
public sealed class RobustnessTests
{
    [Fact]
    public async Task A_line_longer_than_the_limit_closes_that_connection()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log, o => o with { MaxMessageBytes = 1000 });

        await using var attacker = await RawTcp.ConnectAsync(server.LocalEndPoint);
        await attacker.SendAsync(new byte[5000]);

        Assert.True(await attacker.ClosedByServerAsync());
        await log.WaitForAsync("the 1000-byte limit");
        await AssertStillServesAsync(server, EchoProtocol.TcpLine);
    }

    [Fact]
    public async Task Invalid_utf8_closes_that_connection()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log);

        await using var attacker = await RawTcp.ConnectAsync(server.LocalEndPoint);
        await attacker.SendAsync([0xC3, 0x28, (byte)'\n']);

        Assert.True(await attacker.ClosedByServerAsync());
        await log.WaitForAsync("not valid UTF-8");
        await AssertStillServesAsync(server, EchoProtocol.TcpLine);
    }

    [Fact]
    public async Task A_client_that_sends_nothing_is_closed_after_the_idle_timeout()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log, o => o with { IdleTimeout = TimeSpan.FromMilliseconds(300) });

        await using var silent = await RawTcp.ConnectAsync(server.LocalEndPoint);

        Assert.True(await silent.ClosedByServerAsync());
        await log.WaitForAsync("idle timeout of 0.3 s");
    }

    [Fact]
    public async Task A_client_that_disconnects_mid_message_is_logged()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLength, log);

        var quitter = await RawTcp.ConnectAsync(server.LocalEndPoint);
        await quitter.SendAsync([0, 0, 0, 100, (byte)'a', (byte)'b']);
        quitter.Close();

        await log.WaitForAsync("mid-message (6 bytes");
        await AssertStillServesAsync(server, EchoProtocol.TcpLength);
    }

    [Fact]
    public async Task Clients_past_the_connection_cap_are_refused_and_the_others_served()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log, o => o with { MaxConnections = 2 });
        await using var first = await EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.TcpLine));
        await using var second = await EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.TcpLine));
        // Connections are counted on accept: an exchange proves both were accepted before the third arrives.
        await first.EchoAsync("1"u8.ToArray());
        await second.EchoAsync("2"u8.ToArray());

        await using var third = await RawTcp.ConnectAsync(server.LocalEndPoint);

        Assert.True(await third.ClosedByServerAsync());
        await log.WaitForAsync("2 connections already open");
        Assert.Equal("again"u8.ToArray(), (await first.EchoAsync("again"u8.ToArray())).ToArray());
    }

    internal static async Task AssertStillServesAsync(EchoServer server, EchoProtocol protocol)
    {
        await using var good = await EchoClient.ConnectAsync(TestServers.ClientFor(server, protocol));
        var response = await good.EchoAsync("still here"u8.ToArray());
        Assert.Equal("still here", Encoding.UTF8.GetString(response.Span));
    }
}
