using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Errors;
using SocketBench.Core.Sending;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Framing;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;

namespace SocketBench.Contract.Tests;

/// <summary>
/// What the echo harness promises on every backend, over real loopback sockets: each protocol returns a message
/// byte for byte (non-ASCII text included) with the guide's log lines, and failures carry the same named status.
/// </summary>
public sealed class EchoContractTests
{
    // Two-, three- and four-byte UTF-8: a character count would disagree with the byte count, and a lossy decode would show.
    private const string NonAscii = "Grüße, naïve café: Привет, 世界 🙂";

    public static TheoryData<Backend, EchoProtocol> EveryProtocol() => EchoBackends.Cases(_ => true);

    public static TheoryData<Backend, EchoProtocol> StreamProtocols() => EchoBackends.Cases(protocol => protocol.IsTcp());

    [SkippableTheory]
    [MemberData(nameof(EveryProtocol))]
    public async Task Echo_returns_each_message_byte_for_byte(Backend backend, EchoProtocol protocol)
    {
        var echo = EchoBackends.For(backend);
        var lines = new ConcurrentQueue<string>();
        var log = new EchoLog(lines.Enqueue);
        await using var server = await echo.StartServerAsync(new EchoServerOptions(protocol), log);
        await using var client = await echo.ConnectAsync(Loopback(protocol, server.LocalEndPoint.Port), default);

        foreach (string text in new[] { "Hello, World!", NonAscii })
        {
            var request = EchoText.Encode(text);
            var response = await client.EchoAsync(request);

            Assert.Equal(request, response.ToArray());
            Assert.Contains($"server received the request: \"{text}\"", lines);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(StreamProtocols))]
    public async Task Connecting_to_a_closed_loopback_port_is_ConnectionRefused(Backend backend, EchoProtocol protocol)
    {
        var echo = EchoBackends.For(backend);

        var failure = await Assert.ThrowsAsync<SocketStatusException>(() => echo.ConnectAsync(Loopback(protocol, ClosedPort()), default));

        Assert.Equal(SocketStatus.ConnectionRefused, failure.Status);
    }

    [SkippableTheory]
    [MemberData(nameof(EveryProtocol))]
    public async Task Invalid_host_name_is_rejected_before_connecting(Backend backend, EchoProtocol protocol)
    {
        var echo = EchoBackends.For(backend);
        // The port is closed: a client that tried to connect would fail with ConnectionRefused (TCP) instead.
        var options = Loopback(protocol, ClosedPort()) with { Host = "not a host!" };

        var failure = await Assert.ThrowsAsync<SocketStatusException>(() => echo.ConnectAsync(options, default));

        Assert.Equal(SocketStatus.InvalidHostName, failure.Status);
        Assert.Contains("'not a host!'", failure.Message, StringComparison.Ordinal);
    }

    private static EchoClientOptions Loopback(EchoProtocol protocol, int port) =>
        new(protocol) { Host = IPAddress.Loopback.ToString(), Port = port };

    /// <summary>A loopback TCP port nothing listens on: bound by the system a moment ago, then released.</summary>
    private static int ClosedPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }
}
