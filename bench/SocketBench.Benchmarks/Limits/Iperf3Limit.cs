using System.Globalization;
using System.Text.Json;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// One iperf3 run on 127.0.0.1 for a limit: TCP with <c>-l</c> = bytes per send call (<c>-N</c> when the rows
/// run with TCP_NODELAY), UDP with <c>-u -b 0 -l</c> = datagram size (as fast as it can, one datagram per call).
/// </summary>
public static class Iperf3Limit
{
    /// <summary>The recorded reason for a batch above <see cref="Iperf3Limits.MaxBytesPerCall"/>.</summary>
    public const string Iperf3BlockLimit = "not run: iperf3 writes at most 1 MiB (1048576 bytes) per call";

    public static LimitRun Measure(LimitTool iperf3, LimitCase limit, int seconds)
    {
        int port = ToolServer.FreePort();
        var arguments = ClientArguments(limit, port, seconds);
        if (limit.BytesPerSendCall > Iperf3Limits.MaxBytesPerCall)
        {
            return iperf3.Failure(iperf3.Command(arguments), limit, Iperf3BlockLimit);
        }

        // --forceflush: into a pipe, iperf3 would hold its "Server listening" line in a buffer until it exits.
        // A refused option is a line on stderr (the usage text follows on stdout); a failed test is JSON with "error".
        return ToolServer.Measure(iperf3, limit, ["-s", "-1", "-B", "127.0.0.1", "-p", Text(port), "--forceflush"], "Server listening", leavesByItself: true, arguments, seconds,
            run => Parse(run.Output), "received", (run, error) => run.Error.Trim().Length > 0 ? run.OneLine : error.Message);
    }

    public static IReadOnlyList<string> ClientArguments(LimitCase limit, int port, int seconds) =>
    [
        "-c", "127.0.0.1", "-p", Text(port), "-t", Text(seconds), "-J", "-l", Text(limit.BytesPerSendCall),
        .. limit.Transport == Transport.Udp ? new[] { "-u", "-b", "0" } : limit.NoDelay == true ? ["-N"] : [],
    ];

    /// <summary>
    /// Reads the client's <c>-J</c> report. The receiver's sum (<c>end.sum_received</c>) is the figure: like the
    /// benchmark rows, it counts only what arrived. Throws <see cref="FormatException"/> with a one-line reason when it
    /// holds no rate; a failed run's JSON carries <c>"error"</c>, which becomes the reason.
    /// </summary>
    public static ToolRate Parse(string json)
    {
        Report? report;
        try
        {
            report = JsonSerializer.Deserialize<Report>(json, Json);
        }
        catch (JsonException)
        {
            string first = json.Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "nothing";
            throw new FormatException($"iperf3 printed no JSON report: '{first}'");
        }

        if (report?.Error is { } error)
        {
            throw new FormatException($"iperf3: {error}");
        }

        if (report?.End?.SumReceived is not { } received)
        {
            throw new FormatException("iperf3's report has no end.sum_received (the test did not finish)");
        }

        double bits = received.BitsPerSecond ?? double.NaN;
        if (!double.IsFinite(bits) || bits <= 0)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"iperf3's receiver got no data (bits_per_second {bits})"));
        }

        // UDP only: packets sent and lost as the receiver counted them.
        double? datagrams = received is { Packets: double packets, LostPackets: double lost, Seconds: > 0 and double elapsed } ? (packets - lost) / elapsed : null;
        return new ToolRate(bits, datagrams, datagrams is null ? null : received.LostPercent);
    }

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    // The parts of iperf3's -J report the limit uses; everything else is ignored.
    private sealed record Report(string? Error, End? End);

    private sealed record End(Received? SumReceived);

    private sealed record Received(double? BitsPerSecond, double? Packets, double? LostPackets, double? Seconds, double? LostPercent);

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
