using System.Text.Json;
using System.Text.Json.Serialization;

namespace SocketBench.Core.Peers;

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
