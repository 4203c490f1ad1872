using System.Net;
using System.Net.Sockets;
using System.Text;
using SocketBench.Core.Errors;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Servers;
using SocketBench.Echo.Tests.Support;

namespace SocketBench.Echo.Tests.Servers;

public sealed class UdpEchoTests
{
    [Fact]
    public async Task Replies_to_the_senders_address_and_fixed_local_port()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.Udp, log);
        int clientPort = TestServers.ClosedPort(SocketType.Dgram);
        var options = TestServers.ClientFor(server, EchoProtocol.Udp) with { LocalPort = clientPort };
        await using var client = (UdpEchoClient)await EchoClient.ConnectAsync(options);

        var response = await client.EchoAsync(Encoding.UTF8.GetBytes("Hello, UDP ✓"));

        Assert.Equal("Hello, UDP ✓", Encoding.UTF8.GetString(response.Span));
        Assert.Equal(clientPort, ((IPEndPoint)client.LocalEndPoint).Port);
        await log.WaitForAsync($"to 127.0.0.1:{clientPort}");
    }

    [Fact]
    public async Task Invalid_utf8_and_oversized_datagrams_are_dropped_and_the_next_sender_served()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.Udp, log, o => o with { MaxMessageBytes = 100 });
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        raw.Connect(server.LocalEndPoint);
        raw.Send([0xC3, 0x28]);
        raw.Send(new byte[500]);

        await log.WaitForAsync("not valid UTF-8");
        await log.WaitForAsync("500 bytes is over the 100-byte limit");
        await using var client = await EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.Udp));
        Assert.Equal("ok"u8.ToArray(), (await client.EchoAsync("ok"u8.ToArray())).ToArray());
    }

    [Fact]
    public async Task Share_port_lets_two_sockets_bind_the_same_address_and_port()
    {
        var log = new RecordingLog();
        await using var first = TestServers.Start(EchoProtocol.Udp, log, o => o with { SharePort = true });

        await using var second = TestServers.Start(EchoProtocol.Udp, log, o => o with { SharePort = true, Port = first.LocalEndPoint.Port });

        Assert.Equal(first.LocalEndPoint, second.LocalEndPoint);
        await using var client = await EchoClient.ConnectAsync(TestServers.ClientFor(first, EchoProtocol.Udp));
        Assert.Equal("shared"u8.ToArray(), (await client.EchoAsync("shared"u8.ToArray())).ToArray());
    }

    [Fact]
    public async Task Without_share_port_the_second_bind_is_AddressAlreadyInUse()
    {
        var log = new RecordingLog();
        await using var first = TestServers.Start(EchoProtocol.Udp, log, o => o with { SharePort = true });

        var error = Assert.Throws<SocketStatusException>(() => TestServers.Start(EchoProtocol.Udp, log, o => o with { Port = first.LocalEndPoint.Port }));

        Assert.Equal(SocketStatus.AddressAlreadyInUse, error.Status);
    }

    [Fact]
    public async Task Once_replies_to_one_datagram_then_stops()
    {
        var log = new RecordingLog();
        var server = TestServers.Start(EchoProtocol.Udp, log, o => o with { Once = true });
        await using (var client = await EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.Udp)))
        {
            await client.EchoAsync("one"u8.ToArray());
        }

        await server.Completion.Within();
        await server.DisposeAsync();
    }
}
