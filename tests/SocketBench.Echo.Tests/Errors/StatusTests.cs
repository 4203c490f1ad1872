using System.Net.Sockets;
using SocketBench.Core.Errors;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Errors;
using SocketBench.Echo.Tests.Support;

namespace SocketBench.Echo.Tests.Errors;

public sealed class StatusTests
{
    [Theory]
    [InlineData(SocketError.ConnectionRefused, SocketStatus.ConnectionRefused)]
    [InlineData(SocketError.HostNotFound, SocketStatus.HostNotFound)]
    [InlineData(SocketError.AddressAlreadyInUse, SocketStatus.AddressAlreadyInUse)]
    [InlineData(SocketError.TimedOut, SocketStatus.ConnectionTimedOut)]
    [InlineData(SocketError.ConnectionReset, SocketStatus.ConnectionResetByPeer)]
    [InlineData(SocketError.AddressNotAvailable, SocketStatus.CannotAssignRequestedAddress)]
    public void Socket_errors_map_to_named_statuses(SocketError error, SocketStatus expected)
    {
        Assert.Equal(expected, SocketStatusMap.StatusOf(new SocketException((int)error)));
    }

    [Fact]
    public void A_socket_error_wrapped_in_an_IOException_keeps_its_status()
    {
        var wrapped = new IOException("Unable to read data", new SocketException((int)SocketError.ConnectionReset));

        Assert.Equal(SocketStatus.ConnectionResetByPeer, SocketStatusMap.StatusOf(wrapped));
    }

    [Theory]
    [InlineData(98, SocketStatus.AddressAlreadyInUse)]
    [InlineData(111, SocketStatus.ConnectionRefused)]
    [InlineData(24, SocketStatus.TooManyOpenFiles)]
    public void Raw_errno_values_map_to_named_statuses(int errno, SocketStatus expected)
    {
        Assert.Equal(expected, SocketStatusMap.FromErrno(errno));
    }

    [Fact]
    public void Every_status_has_a_hint()
    {
        var generic = SocketStatusHints.For(SocketStatus.Unknown);
        var missing = Enum.GetValues<SocketStatus>().Where(s => s != SocketStatus.Unknown && SocketStatusHints.For(s) == generic);

        Assert.Empty(missing);
    }

    [Theory]
    [InlineData("bad host!")]
    [InlineData("exa mple.com")]
    [InlineData("two..dots")]
    [InlineData("-leading.example")]
    [InlineData("")]
    public void Invalid_host_names_are_rejected_with_a_reason(string host)
    {
        Assert.NotNull(HostNames.Problem(host));
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    [InlineData("echo-1.example.org")]
    public void Valid_host_names_pass(string host)
    {
        Assert.Null(HostNames.Problem(host));
    }

    [Fact]
    public async Task An_invalid_host_fails_before_any_connection_attempt()
    {
        var options = new EchoClientOptions(EchoProtocol.TcpLine) { Host = "no_such host" };

        var error = await Assert.ThrowsAsync<SocketStatusException>(() => EchoClient.ConnectAsync(options));

        Assert.Equal(SocketStatus.InvalidHostName, error.Status);
        Assert.Contains("'no_such host'", error.Message);
    }

    [Fact]
    public async Task Connecting_to_a_closed_port_is_ConnectionRefused()
    {
        var options = new EchoClientOptions(EchoProtocol.TcpLine) { Host = "127.0.0.1", Port = TestServers.ClosedPort() };

        var error = await Assert.ThrowsAsync<SocketStatusException>(() => EchoClient.ConnectAsync(options));

        Assert.Equal(SocketStatus.ConnectionRefused, error.Status);
        Assert.StartsWith("ConnectionRefused: ", error.Message);
        Assert.Contains("Try: ", error.Message);
    }

    [Fact]
    public async Task Udp_to_a_closed_port_is_ConnectionRefused_not_a_hang()
    {
        var options = new EchoClientOptions(EchoProtocol.Udp) { Host = "127.0.0.1", Port = TestServers.ClosedPort(SocketType.Dgram), Timeout = Deadlines.Default };
        await using var client = await EchoClient.ConnectAsync(options);

        var error = await Assert.ThrowsAsync<SocketStatusException>(async () => await client.EchoAsync("hi"u8.ToArray()));

        Assert.Equal(SocketStatus.ConnectionRefused, error.Status);
    }

    [Fact]
    public async Task A_taken_port_is_AddressAlreadyInUse()
    {
        var log = new RecordingLog();
        await using var first = TestServers.Start(EchoProtocol.TcpLine, log);

        var error = Assert.Throws<SocketStatusException>(() => TestServers.Start(EchoProtocol.TcpLine, log, o => o with { Port = first.LocalEndPoint.Port }));

        Assert.Equal(SocketStatus.AddressAlreadyInUse, error.Status);
    }
}
