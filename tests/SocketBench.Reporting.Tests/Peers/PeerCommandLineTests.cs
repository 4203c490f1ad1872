using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Peers;

namespace SocketBench.Reporting.Tests.Peers;

/// <summary>What a user sees from serve and --peer without any second host: help, bad values, an unreachable peer.</summary>
[Collection(RealBenchmarkRuns.Name)]
public sealed class PeerCommandLineTests
{
    [Fact]
    public void Serve_prints_its_port_map_and_stops_by_itself_with_for()
    {
        int port = FreePortPair();

        var run = CliRun.Of("serve", "--listen", $"127.0.0.1:{port}", "--for", "0.5");

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.Contains($"socketbench serve on 127.0.0.1 (loopback only)", run.Output);
        Assert.Contains($"{port + 3} udp  echo udp", run.Output);
        Assert.Contains("serve stopped", run.Output);
    }

    [Theory]
    [InlineData("nowhere", "Invalid --listen 'nowhere': expected HOST:PORT")]
    [InlineData("localhost:5201", "must be an IP address of this machine")]
    [InlineData("0.0.0.0:70000", "the port must be a number")]
    public void Serve_rejects_a_bad_listen_address_in_one_line(string listen, string expected)
    {
        var run = CliRun.Of("serve", "--listen", listen);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains(expected, run.Error);
        Assert.Contains("Example", run.Error);
        Assert.Single(run.Error.Trim().Split('\n'));
    }

    [Fact]
    public void Echo_client_refuses_peer_together_with_host()
    {
        var run = CliRun.Of("echo", "client", "--peer", "10.203.0.2:5201", "--host", "example.org");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Invalid --peer '10.203.0.2:5201' with --host/--port", run.Error);
    }

    [Fact]
    public void Benchmarks_refuse_a_bad_peer_with_exit_2()
    {
        var run = QuickJob.Exec("--job", "quick", "--filter", "*TcpSend*", "--peer", "10.203.0.2");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("error: Invalid --peer '10.203.0.2': expected HOST:PORT. Example: --peer 10.203.0.2:5201.", run.Errors.Trim());
    }

    [Fact]
    public void Benchmarks_name_an_unreachable_peer_and_exit_1_before_measuring()
    {
        var nobody = new PeerAddress("127.0.0.1", FreePortPair());

        var run = QuickJob.Exec("--job", "quick", "--filter", "*TcpSend*", "--peer", nobody.ToString());

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith($"error: peer {nobody} unreachable", run.Errors.Trim());
        Assert.Single(run.Errors.Trim().Split('\n'));
        Assert.DoesNotContain("BenchmarkRunner", run.Log);
    }

    /// <summary>
    /// A base port whose four ports (base, echo line, echo length, echo UDP) bind now on TCP and UDP.
    /// Chosen below the kernel's ephemeral range, where outgoing connections of tests running in parallel
    /// take their ports, so nothing else is handed the port between this check and the command binding it.
    /// </summary>
    private static int FreePortPair()
    {
        for (int attempt = 0; attempt < 200; attempt++)
        {
            int port = Random.Shared.Next(20_000, 32_000);
            if (Enumerable.Range(port, 4).All(BindsOnTcpAndUdp))
            {
                return port;
            }
        }

        throw new InvalidOperationException("no four free consecutive loopback ports between 20000 and 32000");
    }

    private static bool BindsOnTcpAndUdp(int port)
    {
        try
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
