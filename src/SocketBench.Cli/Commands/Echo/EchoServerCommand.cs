using System.Net;
using System.Security.Cryptography;
using SocketBench.Echo;
using SocketBench.Echo.Servers;
using SocketBench.Echo.Tls;
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
            Address = IPAddress.Parse(settings.Bind),
            Port = settings.Port,
            MaxMessageBytes = settings.MaxMessageBytes,
            IdleTimeout = TimeSpan.FromSeconds(settings.IdleTimeoutSeconds),
            MaxConnections = settings.MaxConnections,
            Once = settings.Once,
            SharePort = settings.SharePort,
            LogMessages = !settings.Quiet,
            Tls = settings.Tls ? ServerTls(settings) : null,
        };

        using var signals = new ShutdownSignals(cancellationToken);
        var server = await EchoBackendChoice.For(settings.ParsedBackend).StartServerAsync(options, console.EchoLog()).ConfigureAwait(false);
        await using (server.ConfigureAwait(false))
        {
            string scope = IPAddress.IsLoopback(options.Address) ? "loopback" : "NOT loopback: reachable from other machines";
            console.Line($"{EchoProtocols.NameOf(options.Protocol)}{(options.Tls is null ? "" : " over TLS")} on {server.LocalEndPoint} ({scope}); {(options.Once ? "serving one request" : "Ctrl+C stops")}");
            await Task.WhenAny(server.Completion, Task.Delay(Timeout.Infinite, signals.Token)).ConfigureAwait(false);
        }

        return 0;
    }

    /// <summary>Turns the server's certificate options into TLS settings, and tells the user what the clients need.</summary>
    private TlsServerSettings ServerTls(EchoServerSettings settings)
    {
        var certificate = settings.Certificate is { } path
            ? CertificateFiles.LoadWithKey(path, settings.Key, settings.CertificatePassword)
            : SelfSignedCertificates.CreateLocalhostServer();
        string origin = settings.Certificate is null ? "self-signed for this run" : $"from {settings.Certificate}";
        console.Line($"server certificate: {certificate.Subject} ({origin}), SHA-256 {Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256))}");
        if (settings.SaveCertificate is { } save)
        {
            File.WriteAllText(save, certificate.ExportCertificatePem() + "\n");
            console.Line($"server certificate saved to {save} (clients: --ca {save})");
        }

        ClientCertificatePolicy? policy = null;
        if (settings.ClientCa is not null || settings.ClientThumbprint is not null)
        {
            policy = new ClientCertificatePolicy(settings.ClientCa is { } ca ? CertificateFiles.LoadTrusted(ca) : null, settings.ClientThumbprint);
            console.Line($"server requires a client certificate{(settings.ClientCa is null ? "" : $" issued by {settings.ClientCa}")}{(settings.ClientThumbprint is null ? "" : $" with thumbprint {settings.ClientThumbprint}")}");
        }

        return new TlsServerSettings(certificate, settings.ParsedTlsVersions, policy);
    }
}
