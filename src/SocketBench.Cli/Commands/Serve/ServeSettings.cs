using System.ComponentModel;
using System.Globalization;
using System.Net;
using SocketBench.Core.Peers;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands.Serve;

public sealed class ServeSettings : CommandSettings
{
    [CommandOption("-l|--listen <ADDR:PORT>")]
    [Description("Address and base port: the TCP and UDP sinks take PORT, the echo servers PORT+1 (tcp-line), PORT+2 (tcp-length), PORT+3 (udp)")]
    [DefaultValue("0.0.0.0:5201")]
    public string Listen { get; init; } = "0.0.0.0:5201";

    [CommandOption("--for <SECONDS>")]
    [Description("Stop by itself after this many seconds (unattended runs and tests); 0 runs until Ctrl+C")]
    [DefaultValue(0.0)]
    public double ForSeconds { get; init; }

    [CommandOption("-q|--quiet")]
    [Description("No sink log lines (sessions opened and closed, and their failures, which the sender reports itself); echo server warnings still print")]
    public bool Quiet { get; init; }

    /// <summary>--listen once <see cref="Validate"/> has passed it: an IP address of this machine and the base port.</summary>
    internal PeerAddress ListenAddress => PeerAddress.Parse(Listen, "--listen");

    // PeerAddress's example is a peer's address; a listening address is one of this machine's.
    public override ValidationResult Validate() => OptionChecks.FirstError(
        OptionChecks.PeerAddressProblem(Listen, "--listen")?.Replace(PeerAddress.Example, "0.0.0.0:5201", StringComparison.Ordinal)
            ?? (IPAddress.TryParse(ListenAddress.Host, out _) ? null : $"Invalid --listen '{Listen}': the address must be an IP address of this machine. Examples: 0.0.0.0:5201, 10.203.0.2:5201, [::]:5201."),
        ForSeconds < 0 || !double.IsFinite(ForSeconds) ? string.Create(CultureInfo.InvariantCulture, $"Invalid --for '{ForSeconds}'. Examples: 60, 0 (until Ctrl+C).") : null);
}
