using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// A limit run: the receiving side (<c>iperf3 -s</c>, <c>sockperf sr</c>) started before its client and considered
/// ready once it prints its ready line, then the client against it; the server is stopped if it is still running.
/// </summary>
public static class ToolServer
{
    /// <summary>
    /// Runs the server and the client and reads the client's output with <paramref name="read"/> into a rate measured on
    /// <paramref name="side"/>; a failure with its one-line reason when the server never got ready within 3 s, the client
    /// outlived <paramref name="seconds"/> + 10 s or <paramref name="read"/> found no rate (<paramref name="reason"/> words
    /// that: by default the <see cref="FormatException"/>'s message).
    /// <paramref name="leavesByItself"/>: the server exits after its client (iperf3 -s -1), so it gets a moment before it is stopped.
    /// </summary>
    public static LimitRun Measure(
        LimitTool tool, LimitCase limit, IReadOnlyList<string> serverArguments, string readyMarker, bool leavesByItself,
        IReadOnlyList<string> clientArguments, int seconds, Func<ToolProcess, ToolRate> read, string side, Func<ToolProcess, FormatException, string>? reason = null)
    {
        string command = tool.Command(clientArguments);
        var log = new ConcurrentQueue<string>();
        using var ready = new ManualResetEventSlim();
        using var stop = new CancellationTokenSource();
        var heard = PipeTarget.ToDelegate(line =>
        {
            log.Enqueue(line);
            if (line.Contains(readyMarker, StringComparison.Ordinal))
            {
                ready.Set();
            }
        });
        // Cancelling stop kills the server's process tree; its exit code is of no interest.
        var server = Cli.Wrap(tool.Path!).WithArguments(serverArguments).WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(heard).WithStandardErrorPipe(heard).ExecuteAsync(stop.Token).Task;
        ToolProcess client;
        try
        {
            if (!ready.Wait(TimeSpan.FromSeconds(3)))
            {
                return tool.Failure(command, limit, $"{tool.Name} server did not start: {string.Join(' ', log).Trim()}");
            }

            client = ToolProcess.Run(tool.Path!, clientArguments, TimeSpan.FromSeconds(seconds + 10));
        }
        finally
        {
            if (!server.Wait(TimeSpan.FromMilliseconds(leavesByItself ? 500 : 0)))
            {
                stop.Cancel();
            }

            try
            {
                server.Wait();
            }
            catch (AggregateException stopped) when (stopped.InnerException is OperationCanceledException)
            {
                // Killed above, as intended.
            }
        }

        if (client.TimedOut)
        {
            return tool.Failure(command, limit, string.Create(CultureInfo.InvariantCulture, $"{tool.Name} did not finish within {seconds + 10} s"));
        }

        try
        {
            return tool.Rate(command, limit, read(client), side);
        }
        catch (FormatException error)
        {
            return tool.Failure(command, limit, reason?.Invoke(client, error) ?? error.Message);
        }
    }

    /// <summary>A port nothing listens on now, for one server (TCP and UDP: iperf3 uses both on the same number).</summary>
    public static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

/// <summary>What one limit tool run measured: bits per second, and for UDP datagrams per second and loss where the tool counts them.</summary>
public sealed record ToolRate(double BitsPerSecond, double? DatagramsPerSecond, double? LossPercent);

/// <summary>
/// Runs a tool to completion with a deadline. A tool that outlives it is killed: a limit run that
/// hangs (a server that never answers) must not hold the benchmark session, nor load the machine.
/// </summary>
public sealed record ToolProcess(int ExitCode, string Output, string Error, bool TimedOut)
{
    /// <summary>The first non-empty line of the error output, else of the output: a failure's reason.</summary>
    public string OneLine =>
        (Error + "\n" + Output).Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "no output";

    public static ToolProcess Run(string path, IReadOnlyList<string> arguments, TimeSpan deadline)
    {
        // Piped into builders rather than buffered by CliWrap, so what a killed tool printed is kept.
        StringBuilder output = new(), error = new();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            var result = Cli.Wrap(path).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output)).WithStandardErrorPipe(PipeTarget.ToStringBuilder(error))
                .ExecuteAsync(timeout.Token).GetAwaiter().GetResult();
            return new ToolProcess(result.ExitCode, output.ToString(), error.ToString(), false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // CliWrap has killed the tool's process tree and waited for it.
            return new ToolProcess(-1, output.ToString(), error.ToString(), true);
        }
    }
}
