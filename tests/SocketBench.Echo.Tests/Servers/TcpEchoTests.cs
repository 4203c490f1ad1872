using System.Text;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Tests.Support;

namespace SocketBench.Echo.Tests.Servers;

public sealed class TcpEchoTests
{
    [Theory]
    [InlineData(EchoProtocol.TcpLine)]
    [InlineData(EchoProtocol.TcpLength)]
    public async Task Echoes_each_message_exactly_including_non_ascii(EchoProtocol protocol)
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(protocol, log);
        await using var client = await EchoClient.ConnectAsync(TestServers.ClientFor(server, protocol));

        foreach (var text in new[] { "Hello, World!", "héllo wörld ✓", "" })
        {
            var response = await client.EchoAsync(Encoding.UTF8.GetBytes(text));
            Assert.Equal(text, Encoding.UTF8.GetString(response.Span));
        }

        await log.WaitForAsync("server received the request: \"héllo wörld ✓\"");
        Assert.Contains("server is listening...", log.Lines);
    }

    [Fact]
    public async Task Echoes_a_message_at_the_limit()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLength, log, o => o with { MaxMessageBytes = 200_000 });
        await using var client = await EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.TcpLength));
        var message = Encoding.ASCII.GetBytes(new string('m', 200_000));

        var response = await client.EchoAsync(message);

        Assert.True(response.Span.SequenceEqual(message));
    }

    [Fact]
    public async Task Once_serves_one_request_then_closes_the_listener()
    {
        var log = new RecordingLog();
        var server = TestServers.Start(EchoProtocol.TcpLine, log, o => o with { Once = true });
        await using (var client = await EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.TcpLine)))
        {
            await client.EchoAsync("only"u8.ToArray());
        }

        await server.Completion.Within();
        Assert.Contains("server closed its socket", log.Lines);
        await server.DisposeAsync();
    }

    [Fact]
    public async Task Stopping_closes_open_connections_and_completes()
    {
        var log = new RecordingLog();
        var server = TestServers.Start(EchoProtocol.TcpLine, log);
        await using var idle = await RawTcp.ConnectAsync(server.LocalEndPoint);
        await using var client = await EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.TcpLine));
        await client.EchoAsync("before stop"u8.ToArray());

        await server.DisposeAsync().AsTask().Within();

        Assert.True(await idle.ClosedByServerAsync());
        Assert.Equal("server closed its socket", log.Lines.Last());
    }
}
