using System.Globalization;
using SocketBench.Cli;
using SocketBench.Echo.Tests.Support;
using Spectre.Console.Testing;

namespace SocketBench.Echo.Tests.Cli;

/// <summary>The commands as a user runs them: what they print and the exit code.</summary>
public sealed class EchoCommandTests
{
    [Fact]
    public async Task Client_prints_the_guides_lines_and_exits_0()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLength, log);
        var console = new TestConsole();

        int exit = await SocketBenchApp.Create(console).RunAsync(
            ["echo", "client", "--protocol", "tcp-length", "--host", "127.0.0.1", "--port", server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture), "naïve café"]);

        Assert.Equal(0, exit);
        Assert.Contains("client received the response: \"naïve café\"", console.Output);
        Assert.EndsWith("client closed its socket", console.Output.TrimEnd());
    }

    [Theory]
    [InlineData("echo", "client", "--protocol", "tcp")]
    [InlineData("echo", "client", "--host", "bad host!")]
    [InlineData("echo", "server", "--protocol", "udp", "--tls")]
    [InlineData("echo", "server", "--share-port")]
    [InlineData("echo", "client", "--insecure")]
    public async Task Bad_input_exits_2_before_any_connection(params string[] args)
    {
        var console = new TestConsole();

        int exit = await SocketBenchApp.Create(console).RunAsync(args);

        Assert.Equal(2, exit);
        Assert.DoesNotContain("client is trying to connect", console.Output);
    }

    [SkippableTheory]
    [InlineData("echo", "server", "--backend", "winrt")]
    [InlineData("echo", "client", "--backend", "WinRT", "--host", "127.0.0.1")]
    public async Task WinRT_backend_off_Windows_is_one_line_and_exit_2(params string[] args)
    {
        Skip.If(OperatingSystem.IsWindows(), "on Windows the WinRT backend is offered");
        var console = new TestConsole();
        var errors = new StringWriter();

        int exit = await SocketBenchApp.Create(console, errors).RunAsync(args);

        Assert.Equal(2, exit);
        Assert.Equal("error: --backend winrt requires Windows", errors.ToString().TrimEnd());
        Assert.DoesNotContain("server is listening", console.Output);
    }

    [Fact]
    public async Task Backend_sockets_is_the_portable_harness()
    {
        await using var server = TestServers.Start(EchoProtocol.TcpLine, new RecordingLog());
        var console = new TestConsole();

        int exit = await SocketBenchApp.Create(console).RunAsync(
            ["echo", "client", "--backend", "sockets", "--host", "127.0.0.1", "--port", server.LocalEndPoint.Port.ToString(CultureInfo.InvariantCulture)]);

        Assert.Equal(0, exit);
        Assert.Contains("client received the response: \"Hello, World!\"", console.Output);
    }

    [Fact]
    public async Task Unknown_backend_is_one_line_that_names_the_valid_ones()
    {
        var errors = new StringWriter();

        int exit = await SocketBenchApp.Create(new TestConsole(), errors).RunAsync(["echo", "server", "--backend", "kernel"]);

        Assert.Equal(2, exit);
        Assert.Equal("error: Invalid --backend 'kernel'. Examples: sockets, winrt.", errors.ToString().TrimEnd());
    }

    [Fact]
    public async Task A_refused_connection_exits_1()
    {
        var console = new TestConsole();

        int exit = await SocketBenchApp.Create(console).RunAsync(
            ["echo", "client", "--host", "127.0.0.1", "--port", TestServers.ClosedPort().ToString(CultureInfo.InvariantCulture)]);

        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task Server_once_serves_one_request_and_exits_0()
    {
        var console = new TestConsole();
        int port = TestServers.ClosedPort();
        var run = SocketBenchApp.Create(console).RunAsync(["echo", "server", "--once", "--port", port.ToString(CultureInfo.InvariantCulture)]);
        var options = new SocketBench.Echo.Clients.EchoClientOptions(EchoProtocol.TcpLine) { Host = "127.0.0.1", Port = port, Timeout = Deadlines.Default };
        var deadline = DateTime.UtcNow + Deadlines.Default;
        SocketBench.Echo.Clients.EchoClient? client = null;
        while (client is null)
        {
            try
            {
                client = await SocketBench.Echo.Clients.EchoClient.ConnectAsync(options);
            }
            catch (SocketBench.Core.Errors.SocketStatusException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }

        await using (client)
        {
            await client.EchoAsync("once"u8.ToArray());
        }

        Assert.Equal(0, await run.Within());
        Assert.Contains("server received the request: \"once\"", console.Output);
        Assert.Contains("server closed its socket", console.Output);
    }
}
