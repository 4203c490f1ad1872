using SocketBench.Echo;
using SocketBench.Echo.Servers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>`socketbench echo server`: serves many clients until Ctrl+C, or one request with --once.</summary>
public sealed class EchoServerCommand(IAnsiConsole console) : AsyncCommand<EchoServerSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, EchoServerSettings settings, CancellationToken cancellationToken)
    {
        var options = new EchoServerOptions(settings.ParsedProtocol)
        {
            Address = settings.BindAddress,
            Port = settings.Port,
            MaxMessageBytes = settings.MaxMessageBytes,
            IdleTimeout = TimeSpan.FromSeconds(settings.IdleTimeoutSeconds),
            MaxConnections = settings.MaxConnections,
            Once = settings.Once,
            SharePort = settings.SharePort,
            LogMessages = !settings.Quiet,
            Tls = ServerTls.From(settings, console),
        };

        using var signals = new ShutdownSignals(cancellationToken);
        var server = await EchoBackendChoice.For(settings.ParsedBackend).StartServerAsync(options, new ConsoleEchoLog(console)).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            string scope = System.Net.IPAddress.IsLoopback(options.Address) ? "loopback" : "NOT loopback: reachable from other machines";
            console.Line($"{EchoProtocols.NameOf(options.Protocol)}{(options.Tls is null ? "" : " over TLS")} on {server.LocalEndPoint} ({scope}); {(options.Once ? "serving one request" : "Ctrl+C stops")}");
            await Task.WhenAny(server.Completion, Task.Delay(Timeout.Infinite, signals.Token)).ConfigureAwait(false);
        }

        return 0;
    }
}
