using System.Globalization;
using System.Text.RegularExpressions;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// A second UDP source: <c>sockperf tp</c> against <c>sockperf sr</c> on 127.0.0.1, one message per datagram of the row's
/// size. Its rate is what the client sent (sockperf's throughput mode does not count what the server received), and its
/// "Mbps" is in 2^20 bits, so Gbit/s is computed here from the message rate and the message size.
/// </summary>
public static partial class SockperfLimit
{
    public static LimitRun Measure(LimitTool sockperf, LimitCase limit, int seconds)
    {
        string port = ToolServer.FreePort().ToString(CultureInfo.InvariantCulture);
        string[] arguments = ["tp", "-i", "127.0.0.1", "-p", port, "-m", limit.BytesPerSendCall.ToString(CultureInfo.InvariantCulture), "-t", seconds.ToString(CultureInfo.InvariantCulture)];
        return ToolServer.Measure(sockperf, limit, ["sr", "-i", "127.0.0.1", "-p", port], "to block on socket", leavesByItself: false, arguments, seconds, run =>
        {
            double messages = MessagesPerSecond(run.Output + run.Error);
            return new ToolRate(messages * limit.BytesPerSendCall * 8, messages, null);
        }, "sent");
    }

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
