using System.Globalization;
using System.Text.RegularExpressions;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// Reads <c>sockperf tp</c>'s summary. Its rate is what the client sent (sockperf's throughput mode does
/// not count what the server received), and its "Mbps" is in 2^20 bits, so Gbit/s is computed here
/// from the message rate and the message size.
/// </summary>
public static partial class SockperfOutput
{
    /// <summary>Messages per second the client sent; throws <see cref="FormatException"/> with a one-line reason when the summary is missing.</summary>
    public static double MessagesPerSecond(string output)
    {
        var match = MessageRate().Match(output);
        if (!match.Success || !double.TryParse(match.Groups[1].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out double rate) || !(rate > 0))
        {
            string last = output.Split('\n').Select(line => line.Trim()).LastOrDefault(line => line.Length > 0) ?? "nothing";
            throw new FormatException($"sockperf printed no message rate: '{last}'");
        }

        return rate;
    }

    [GeneratedRegex(@"Message Rate is ([0-9.]+) \[msg/sec\]")]
    private static partial Regex MessageRate();
}
