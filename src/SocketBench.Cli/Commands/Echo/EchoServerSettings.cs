using System.ComponentModel;
using System.Net;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands.Echo;

public sealed class EchoServerSettings : EchoSettings
{
    [CommandOption("--bind <ADDRESS>")]
    [Description("Local address to listen on; anything but loopback makes the server reachable from other machines")]
    [DefaultValue("127.0.0.1")]
    public string Bind { get; init; } = "127.0.0.1";

    [CommandOption("--once")]
    [Description("As the guide's sample: echo one request, then close the connection and stop")]
    public bool Once { get; init; }

    [CommandOption("--share-port")]
    [Description("UDP only: allow other sockets to bind the same address and port (the guide's MulticastOnly)")]
    public bool SharePort { get; init; }

    [CommandOption("--idle-timeout <SECONDS>")]
    [Description("Close a connection that delivers no complete message for this long")]
    [DefaultValue(30.0)]
    public double IdleTimeoutSeconds { get; init; } = 30.0;

    [CommandOption("--max-connections <COUNT>")]
    [Description("Connections served at once; clients past it are closed at once")]
    [DefaultValue(1024)]
    public int MaxConnections { get; init; } = 1024;

    [CommandOption("--cert <FILE>")]
    [Description("With --tls: server certificate, .pfx/.p12 or PEM (default: a self-signed one for localhost, made for this run)")]
    public string? Certificate { get; init; }

    [CommandOption("--key <FILE>")]
    [Description("With --cert in PEM: the private key file, when it is not inside the certificate file")]
    public string? Key { get; init; }

    [CommandOption("--save-cert <FILE>")]
    [Description("With --tls: write the server certificate (public part, PEM) here, for a client's --ca")]
    public string? SaveCertificate { get; init; }

    [CommandOption("--client-ca <FILE>")]
    [Description("With --tls: require a client certificate issued by this CA (PEM or DER)")]
    public string? ClientCa { get; init; }

    [CommandOption("--client-thumbprint <HEX>")]
    [Description("With --tls: require a client certificate with this SHA-1 or SHA-256 thumbprint")]
    public string? ClientThumbprint { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("Do not print each request and response (warnings still print)")]
    public bool Quiet { get; init; }

    public override ValidationResult Validate() => base.Validate() is { Successful: false } common ? common : OptionChecks.FirstError(
        !IPAddress.TryParse(Bind, out _) ? $"Invalid --bind '{Bind}': an IP address is needed. Examples: 127.0.0.1, ::1, 0.0.0.0." : null,
        IdleTimeoutSeconds is <= 0 or > 86_400 || double.IsNaN(IdleTimeoutSeconds) ? $"Invalid --idle-timeout '{IdleTimeoutSeconds}'. Examples: 30, 0.5." : null,
        MaxConnections < 1 ? $"Invalid --max-connections '{MaxConnections}'. Examples: 1024, 1." : null,
        SharePort && ParsedProtocol != SocketBench.Echo.EchoProtocol.Udp
            ? "Invalid --share-port with a TCP protocol: port sharing is for datagram sockets. Example: --protocol udp --share-port."
            : null,
        WithoutTls(Certificate ?? Key ?? SaveCertificate ?? ClientCa ?? ClientThumbprint, "--tls --cert server.pfx"),
        ClientThumbprint is { } thumbprint && thumbprint.Replace(":", "", StringComparison.Ordinal).Length is not (40 or 64)
            ? $"Invalid --client-thumbprint '{thumbprint}': 40 (SHA-1) or 64 (SHA-256) hex digits. Example: 3F2A...9C (SHA-256 of the certificate)."
            : null);
}
