using System.Net;
using System.Net.Sockets;
using SocketBench.Cli.Commands.Echo;
using SocketBench.Core.Peers;
using SocketBench.Echo;
using SocketBench.Echo.Servers;
using SocketBench.Sockets.Remote.Sink;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands.Serve;

/// <summary>
/// `socketbench serve`: the receiving side of a --peer run on another host: the send benchmarks' sink
/// and the round-trip benchmarks' echo servers, on neighbouring ports, until Ctrl+C.
/// </summary>
public sealed class ServeCommand(IAnsiConsole console) : AsyncCommand<ServeSettings>
{
    // Benchmark processes keep an echo connection open across BenchmarkDotNet's pauses between stages.
    private static readonly TimeSpan EchoIdleLimit = TimeSpan.FromMinutes(10);

    // One echo server per protocol, on the port a --peer client expects for it (EchoProtocols.PeerPort).
    private static readonly EchoProtocol[] EchoProtocolsServed = Enum.GetValues<EchoProtocol>();

    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var ports = settings.ListenAddress;
        var listen = new IPEndPoint(IPAddress.Parse(ports.Host), ports.Port);
        var log = console.EchoLog();
        using var signals = new ShutdownSignals(cancellationToken);
        using var sink = StartSink(listen, settings.Quiet ? _ => { } : log.Info);
        var servers = new List<EchoServer>();
        try
        {
            foreach (var protocol in EchoProtocolsServed)
            {
                var options = new EchoServerOptions(protocol) { Address = listen.Address, Port = EchoProtocols.PeerPort(ports, protocol), LogMessages = false, IdleTimeout = EchoIdleLimit };
                servers.Add(EchoServer.Start(options, log));
            }

            PrintPortMap(listen, servers);
            await Task.Delay(settings.ForSeconds > 0 ? TimeSpan.FromSeconds(settings.ForSeconds) : Timeout.InfiniteTimeSpan, signals.Token)
                .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync().ConfigureAwait(false);
            }
        }

        console.Line("serve stopped");
        return 0;
    }

    private static SinkServer StartSink(IPEndPoint listen, Action<string> log)
    {
        try
        {
            return SinkServer.Start(listen, log);
        }
        catch (SocketException error)
        {
            throw new InvalidOperationException($"binding the sink on {listen} (TCP and UDP): {error.Message}. Try: another process holds the port, or the address is not this machine's; pick another --listen.", error);
        }
    }

    private void PrintPortMap(IPEndPoint listen, IReadOnlyList<EchoServer> servers)
    {
        string scope = IPAddress.IsLoopback(listen.Address) ? "loopback only" : "NOT loopback: reachable from other machines";
        console.Line($"socketbench serve on {listen.Address} ({scope}); Ctrl+C stops");
        console.Line($"  {listen.Port,5} tcp  sink: counts every byte, sends back the running total (send benchmarks)");
        console.Line($"  {listen.Port,5} udp  sink: opens a session per sender, answers drain markers with counts (send benchmarks)");
        foreach (var (protocol, server) in EchoProtocolsServed.Zip(servers))
        {
            console.Line($"  {server.LocalEndPoint.Port,5} {(protocol == EchoProtocol.Udp ? "udp" : "tcp")}  echo {EchoProtocols.NameOf(protocol)} (round-trip benchmarks, echo client)");
        }

        var example = new PeerAddress(IPAddress.IsLoopback(listen.Address) || listen.Address.Equals(IPAddress.Any) ? "<this host>" : listen.Address.ToString(), listen.Port);
        console.Line($"clients: --peer {example}");
    }
}
