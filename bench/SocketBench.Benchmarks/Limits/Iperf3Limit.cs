using System.Globalization;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;
using SocketBench.Sockets;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// One iperf3 run on 127.0.0.1 for a limit: TCP with <c>-l</c> = bytes per send call (<c>-N</c> when the rows
/// run with TCP_NODELAY), UDP with <c>-u -b 0 -l</c> = datagram size (as fast as it can, one datagram per call).
/// </summary>
public static class Iperf3Limit
{
    public static LimitMeasurement Measure(LimitTool iperf3, LimitCase limit, int seconds)
    {
        int port = ToolServer.FreePort();
        var arguments = ClientArguments(limit, port, seconds);
        string command = "iperf3 " + string.Join(' ', arguments);
        if (limit.BytesPerSendCall > Iperf3Limits.MaxBytesPerCall)
        {
            return LimitRecord.Failed(iperf3, command, limit, Iperf3BlockLimit);
        }
        // --forceflush: into a pipe, iperf3 would hold its "Server listening" line in a buffer until it exits.
        var (run, failure) = ToolServer.RunClient(iperf3, ["-s", "-1", "-B", "127.0.0.1", "-p", Text(port), "--forceflush"], "Server listening", leavesByItself: true, arguments, seconds);
        if (run is null)
        {
            return LimitRecord.Failed(iperf3, command, limit, failure!);
        }

        try
        {
            var rate = Iperf3Output.Parse(run.Output);
            return LimitRecord.Measured(iperf3, command, limit, rate.BitsPerSecond / 1e9, rate.DatagramsPerSecond, rate.LossPercent, "received");
        }
        catch (FormatException error)
        {
            // A refused option is a line on stderr (the usage text follows on stdout); a failed test is JSON with "error".
            return LimitRecord.Failed(iperf3, command, limit, run.Error.Trim().Length > 0 ? run.OneLine : error.Message);
        }
    }

    public static IReadOnlyList<string> ClientArguments(LimitCase limit, int port, int seconds)
    {
        var arguments = new List<string> { "-c", "127.0.0.1", "-p", Text(port), "-t", Text(seconds), "-J", "-l", Text(limit.BytesPerSendCall) };
        if (limit.Transport == Transport.Udp)
        {
            arguments.AddRange(["-u", "-b", "0"]);
        }
        else if (limit.NoDelay == true)
        {
            arguments.Add("-N");
        }

        return arguments;
    }

    /// <summary>The recorded reason for a batch above <see cref="Iperf3Limits.MaxBytesPerCall"/>.</summary>
    public const string Iperf3BlockLimit = "not run: iperf3 writes at most 1 MiB (1048576 bytes) per call";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
