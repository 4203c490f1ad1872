using System.Security.Cryptography;
using SocketBench.Echo.Tls;
using Spectre.Console;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>Turns the server's certificate options into TLS settings, and tells the user what the clients need.</summary>
internal static class ServerTls
{
    public static TlsServerSettings? From(EchoServerSettings settings, IAnsiConsole console)
    {
        if (!settings.Tls)
        {
            return null;
        }

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
            var authorities = settings.ClientCa is { } ca ? CertificateFiles.LoadTrusted(ca) : null;
            policy = new ClientCertificatePolicy(authorities, settings.ClientThumbprint);
            console.Line($"server requires a client certificate{(settings.ClientCa is null ? "" : $" issued by {settings.ClientCa}")}{(settings.ClientThumbprint is null ? "" : $" with thumbprint {settings.ClientThumbprint}")}");
        }

        return new TlsServerSettings(certificate, settings.ParsedTlsVersions, policy);
    }
}
