using System.Globalization;
using System.Text.Json;

namespace SocketBench.Benchmarks.Limits;

/// <summary>What one iperf3 run measured at the receiver: bits per second, and for UDP datagrams per second and loss.</summary>
public sealed record Iperf3Rate(double BitsPerSecond, double? DatagramsPerSecond, double? LossPercent);

/// <summary>
/// Reads the client's <c>-J</c> report. The receiver's sum (<c>end.sum_received</c>) is the figure: like the
/// benchmark rows, it counts only what arrived. A failed run's JSON carries <c>"error"</c>, which becomes the reason.
/// </summary>
public static class Iperf3Output
{
    /// <summary>Parses the report; throws <see cref="FormatException"/> with a one-line reason when it holds no rate.</summary>
    public static Iperf3Rate Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException)
        {
            string first = json.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "nothing";
            throw new FormatException($"iperf3 printed no JSON report: '{first}'");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.TryGetProperty("error", out var error))
            {
                throw new FormatException($"iperf3: {error.GetString()}");
            }

            if (!root.TryGetProperty("end", out var end) || !end.TryGetProperty("sum_received", out var received))
            {
                throw new FormatException("iperf3's report has no end.sum_received (the test did not finish)");
            }

            double bits = Number(received, "bits_per_second") ?? double.NaN;
            if (!double.IsFinite(bits) || bits <= 0)
            {
                throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"iperf3's receiver got no data (bits_per_second {bits})"));
            }

            // UDP only: packets sent and lost as the receiver counted them.
            double? datagrams = Number(received, "packets") is double packets && Number(received, "lost_packets") is double lost && Number(received, "seconds") is > 0 and var seconds
                ? (packets - lost) / seconds
                : null;
            return new Iperf3Rate(bits, datagrams, datagrams is null ? null : Number(received, "lost_percent"));
        }
    }

    private static double? Number(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
