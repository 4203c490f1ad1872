using System.ComponentModel;
using System.Security.Authentication;
using SocketBench.Core.Sending;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Tls;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>Options both ends must agree on: protocol, port, message limit, TLS.</summary>
public class EchoSettings : CommandSettings
{
    [CommandOption("-p|--protocol <PROTOCOL>")]
    [Description("tcp-line (one UTF-8 line per message), tcp-length (4-byte big-endian byte count, then UTF-8), or udp")]
    [DefaultValue("tcp-line")]
    public string Protocol { get; init; } = "tcp-line";

    [CommandOption("--port <PORT>")]
    [Description("Server port (the guide uses 1337)")]
    [DefaultValue(EchoClientOptions.GuideServerPort)]
    public int Port { get; init; } = EchoClientOptions.GuideServerPort;

    [CommandOption("--max-message <BYTES>")]
    [Description("Largest message payload accepted, in bytes; longer ones close the connection (TCP) or are dropped (UDP)")]
    [DefaultValue(EchoLimits.DefaultMaxMessageBytes)]
    public int MaxMessageBytes { get; init; } = EchoLimits.DefaultMaxMessageBytes;

    [CommandOption("--tls")]
    [Description("TCP only: wrap the connection in TLS (the guide's SocketProtectionLevel.Tls12)")]
    public bool Tls { get; init; }

    [CommandOption("--tls-version <VERSION>")]
    [Description("With --tls: 1.2, 1.3 or any (both)")]
    [DefaultValue("any")]
    public string TlsVersion { get; init; } = "any";

    // Client and server certificates alike (--client-cert, --cert) may be a password-protected .pfx.
    [CommandOption("--cert-password <PASSWORD>")]
    [Description("Password of the .pfx file or of an encrypted PEM key")]
    public string? CertificatePassword { get; init; }

    [CommandOption("--backend <BACKEND>")]
    [Description("sockets (System.Net.Sockets, every OS) or winrt (Windows.Networking.Sockets, Windows only)")]
    [DefaultValue("sockets")]
    public string Backend { get; init; } = "sockets";

    internal Backend ParsedBackend => EchoBackendChoice.TryParse(Backend, out var backend) ? backend : throw new InvalidOperationException("validated");

    internal EchoProtocol ParsedProtocol => EchoProtocols.TryParse(Protocol, out var protocol) ? protocol : throw new InvalidOperationException("validated");

    internal SslProtocols ParsedTlsVersions => TlsVersions.TryParse(TlsVersion, out var versions) ? versions : throw new InvalidOperationException("validated");

    public override ValidationResult Validate() => OptionChecks.FirstError(
        !EchoProtocols.TryParse(Protocol, out var protocol) ? $"Invalid protocol '{Protocol}'. Examples: {EchoProtocols.AllNames}." : null,
        !EchoBackendChoice.TryParse(Backend, out var backend) ? $"Invalid --backend '{Backend}'. Examples: sockets, winrt." : null,
        backend == SocketBench.Core.Sending.Backend.WinRT && !OperatingSystem.IsWindows() ? "--backend winrt requires Windows" : null,
        Port is < 0 or > ushort.MaxValue ? $"Invalid port '{Port}'. Examples: 1337, 0 (server: any free port)." : null,
        MaxMessageBytes < 1 ? $"Invalid --max-message '{MaxMessageBytes}'. Examples: 1048576, 65507." : null,
        !TlsVersions.TryParse(TlsVersion, out _) ? $"Invalid --tls-version '{TlsVersion}'. Examples: 1.2, 1.3, any." : null,
        Tls && protocol == EchoProtocol.Udp ? "Invalid --tls with --protocol udp: TLS runs over TCP. Example: --protocol tcp-line --tls." : null);

    /// <summary>A certificate option given without --tls, quoting its value; null when none was given or --tls is on.</summary>
    protected string? WithoutTls(string? stray, string example) =>
        !Tls && stray is not null ? $"Invalid '{stray}' without --tls: certificate options need it. Example: {example}." : null;
}
