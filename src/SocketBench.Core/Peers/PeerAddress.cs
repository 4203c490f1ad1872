using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocketBench.Core.Peers;

/// <summary>
/// Where a <c>socketbench serve</c> peer listens: its host and base port. The sink takes the base port
/// (TCP and UDP), and the echo servers the ports just above it, so one HOST:PORT names everything.
/// </summary>
public sealed record PeerAddress(string Host, int Port)
{
    public const int DefaultPort = 5201;

    /// <summary>Environment variable that carries --peer from the benchmark host to the benchmark processes it starts.</summary>
    public const string EnvironmentVariable = "SOCKETBENCH_PEER";

    public const string Example = "10.203.0.2:5201";

    /// <summary>The TCP sink and the UDP sink's session handshake.</summary>
    public int SinkPort => Port;

    public int TcpLinePort => Port + 1;

    public int TcpLengthPort => Port + 2;

    public int UdpEchoPort => Port + 3;

    /// <summary>The highest base port whose echo ports still fit below 65536.</summary>
    public const int MaxBasePort = ushort.MaxValue - 3;

    /// <summary>Parses HOST:PORT or [IPv6]:PORT; throws <see cref="ArgumentException"/> with one line quoting the value and an example.</summary>
    public static PeerAddress Parse(string? value, string option = "--peer")
    {
        string text = value?.Trim() ?? "";
        int colon = text.LastIndexOf(':');
        if (colon <= 0 || colon == text.Length - 1)
        {
            throw Invalid(value, option, "expected HOST:PORT");
        }

        string host = text[..colon] switch
        {
            ['[', .. var bracketed, ']'] => bracketed,
            var plain when plain.Contains(':') => throw Invalid(value, option, "an IPv6 address goes in brackets, as [::1]:5201"),
            var plain => plain,
        };

        if (!int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int port) || port is < 1 or > MaxBasePort)
        {
            throw Invalid(value, option, string.Create(CultureInfo.InvariantCulture, $"the port must be a number from 1 to {MaxBasePort} (the echo ports are the next three)"));
        }

        if (host.Length == 0 || (!IPAddress.TryParse(host, out _) && !host.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.')))
        {
            throw Invalid(value, option, "the host must be an address or a name of letters, digits, '-' and '.'");
        }

        return new PeerAddress(host, port);
    }

    /// <summary>The peer named by <see cref="EnvironmentVariable"/>, or null for a loopback run.</summary>
    public static PeerAddress? FromEnvironment() =>
        Environment.GetEnvironmentVariable(EnvironmentVariable) is { Length: > 0 } value ? Parse(value, EnvironmentVariable) : null;

    /// <summary>The peer's address; a name is looked up once, IPv4 preferred.</summary>
    public IPAddress Resolve() => IPAddress.TryParse(Host, out var address)
        ? address
        : Dns.GetHostAddresses(Host).OrderBy(a => a.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork).FirstOrDefault()
            ?? throw new InvalidOperationException($"peer {this}: '{Host}' has no address");

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}");

    private static ArgumentException Invalid(string? value, string option, string why) =>
        new($"Invalid {option} '{value}': {why}. Example: {option} {Example}.");
}

/// <summary>
/// What a --peer run records in its results folder as peer.json: which peer, and the round trip to it
/// measured at the start of the run, so a report can say where the figures were measured.
/// </summary>
public sealed record PeerRoundTrip(
    [property: JsonPropertyName("peer")] string Peer,
    [property: JsonPropertyName("rttP50Us")] double RttP50Microseconds,
    [property: JsonPropertyName("rttP99Us")] double RttP99Microseconds,
    [property: JsonPropertyName("samples")] int Samples,
    [property: JsonPropertyName("measuredUtc")] DateTime MeasuredUtc)
{
    public const string FileName = "peer.json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public void Write(string directory)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, FileName), JsonSerializer.Serialize(this, Indented));
    }

    /// <summary>The record in <paramref name="directory"/>, or null when the run there was on loopback.</summary>
    public static PeerRoundTrip? Read(string directory)
    {
        string path = Path.Combine(directory, FileName);
        return File.Exists(path) ? JsonSerializer.Deserialize<PeerRoundTrip>(File.ReadAllText(path)) : null;
    }

    /// <summary>"Peer: 10.203.0.2:5201, round trip p50 48 µs, p99 120 µs", or "loopback" when there was no peer.</summary>
    public static string Describe(PeerRoundTrip? peer) => peer is null
        ? "Peer: loopback (sender and receiver on this machine)"
        : FormattableString.Invariant($"Peer: {peer.Peer}, round trip p50 {peer.RttP50Microseconds:0} µs, p99 {peer.RttP99Microseconds:0} µs ({peer.Samples} echoes, {peer.MeasuredUtc:yyyy-MM-dd HH:mm} UTC)");
}
