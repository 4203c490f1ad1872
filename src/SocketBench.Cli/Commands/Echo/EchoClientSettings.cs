using System.ComponentModel;
using SocketBench.Core.Peers;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands.Echo;

public sealed class EchoClientSettings : EchoSettings
{
    [CommandArgument(0, "[MESSAGES]")]
    [Description("Messages to send, one request each (default: \"Hello, World!\")")]
    public string[] Messages { get; init; } = [];

    [CommandOption("--host <HOST>")]
    [Description("Server host name or address")]
    [DefaultValue("localhost")]
    public string Host { get; init; } = "localhost";

    [CommandOption("--peer <HOST:PORT>")]
    [Description("A `socketbench serve` peer (the same HOST:PORT the benchmarks take): talks to its echo server for --protocol (PORT+1 tcp-line, PORT+2 tcp-length, PORT+3 udp); instead of --host and --port")]
    public string? Peer { get; init; }

    [CommandOption("--local-port <PORT>")]
    [Description("UDP only: local port to bind (the guide's client uses 1336); 0 picks a free one")]
    [DefaultValue(0)]
    public int LocalPort { get; init; }

    [CommandOption("--share-port")]
    [Description("UDP only: allow other sockets to bind the same local port")]
    public bool SharePort { get; init; }

    [CommandOption("--timeout <SECONDS>")]
    [Description("Deadline for connecting and for each response")]
    [DefaultValue(5.0)]
    public double TimeoutSeconds { get; init; } = 5.0;

    [CommandOption("--client-cert <FILE>")]
    [Description("With --tls: present this certificate (.pfx/.p12 or PEM), as the guide's StreamSocketControl.ClientCertificate")]
    public string? ClientCertificate { get; init; }

    [CommandOption("--client-key <FILE>")]
    [Description("With --client-cert in PEM: its private key file, when not inside the certificate file")]
    public string? ClientKey { get; init; }

    [CommandOption("--ca <FILE>")]
    [Description("With --tls: trust server certificates issued by this CA (PEM or DER) instead of the system store")]
    public string? Ca { get; init; }

    [CommandOption("--insecure")]
    [Description("With --tls: do not check the server certificate (local experiments only)")]
    public bool Insecure { get; init; }

    /// <summary>Where to connect: --host and --port, or the echo port of the --peer's serve for this protocol.</summary>
    internal (string Host, int Port) Target =>
        Peer is { } peer ? (PeerAddress.Parse(peer).Host, EchoProtocols.PeerPort(PeerAddress.Parse(peer), ParsedProtocol)) : (Host, Port);

    public override ValidationResult Validate() => base.Validate() is { Successful: false } common ? common : OptionChecks.FirstError(
        Peer is null ? null : OptionChecks.PeerAddressProblem(Peer, "--peer") ?? (Host != "localhost" || Port != EchoClientOptions.GuideServerPort
            ? $"Invalid --peer '{Peer}' with --host/--port: --peer already names the server. Example: --peer {PeerAddress.Example} --protocol udp."
            : null),
        HostNames.Problem(Host) is { } problem ? $"Invalid --host '{Host}': {problem}. Examples: localhost, 127.0.0.1, ::1." : null,
        Port == 0 ? "Invalid port '0': a client needs the server's port. Example: --port 1337." : null,
        LocalPort is < 0 or > ushort.MaxValue ? $"Invalid --local-port '{LocalPort}'. Examples: 1336, 0." : null,
        (LocalPort != 0 || SharePort) && ParsedProtocol != EchoProtocol.Udp
            ? "Invalid --local-port/--share-port with a TCP protocol: they apply to UDP. Example: --protocol udp --local-port 1336."
            : null,
        TimeoutSeconds is <= 0 or > 86_400 || double.IsNaN(TimeoutSeconds) ? $"Invalid --timeout '{TimeoutSeconds}'. Examples: 5, 0.5." : null,
        WithoutTls(ClientCertificate ?? ClientKey ?? Ca ?? (Insecure ? "--insecure" : null), "--tls --ca server.pem"));
}
