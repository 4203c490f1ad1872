using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CliWrap;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// The receiving side of a limit run (<c>iperf3 -s</c>, <c>sockperf sr</c>), started before its client
/// and considered ready once it prints its ready line; disposing it stops it if it is still running.
/// </summary>
public sealed class ToolServer : IDisposable
{
    private readonly StringBuilder _log = new();
    private readonly ManualResetEventSlim _ready = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly string _readyMarker;
    private readonly bool _leavesByItself;
    private readonly Task _run;

    private ToolServer(string path, IReadOnlyList<string> arguments, string readyMarker, bool leavesByItself)
    {
        _readyMarker = readyMarker;
        _leavesByItself = leavesByItself;
        var heard = PipeTarget.ToDelegate(Heard);
        // Cancelling _stop kills the server's process tree; its exit code is of no interest.
        _run = Cli.Wrap(path).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(heard).WithStandardErrorPipe(heard).ExecuteAsync(_stop.Token);
    }

    /// <summary>
    /// Starts the server and waits up to <paramref name="deadline"/> for <paramref name="readyMarker"/> in its output.
    /// <paramref name="leavesByItself"/>: it exits after its client (iperf3 -s -1), so disposing waits a moment before stopping it.
    /// </summary>
    public static ToolServer Start(string path, IReadOnlyList<string> arguments, string readyMarker, TimeSpan deadline, bool leavesByItself)
    {
        var server = new ToolServer(path, arguments, readyMarker, leavesByItself);
        server.IsReady = server._ready.Wait(deadline);
        return server;
    }

    public bool IsReady { get; private set; }

    /// <summary>
    /// A limit run: starts the server, runs the client against it and reads the client's output with
    /// <paramref name="read"/>; a failure with its one-line reason when the server never got ready or the client
    /// outlived <paramref name="seconds"/> + 10 s.
    /// </summary>
    public static LimitMeasurement Measure(
        LimitTool tool, string command, LimitCase limit, IReadOnlyList<string> serverArguments, string readyMarker, bool leavesByItself,
        IReadOnlyList<string> clientArguments, int seconds, Func<ToolProcess, LimitMeasurement> read)
    {
        using var server = Start(tool.Path!, serverArguments, readyMarker, TimeSpan.FromSeconds(3), leavesByItself);
        if (!server.IsReady)
        {
            return LimitMeasurement.Failure(tool, command, limit, $"{tool.Name} server did not start: {server.Log}");
        }

        var client = ToolProcess.Run(tool.Path!, clientArguments, TimeSpan.FromSeconds(seconds + 10));
        return client.TimedOut
            ? LimitMeasurement.Failure(tool, command, limit, string.Create(CultureInfo.InvariantCulture, $"{tool.Name} did not finish within {seconds + 10} s"))
            : read(client);
    }

    /// <summary>What the server printed, on one line, for a failure's reason.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString().ReplaceLineEndings(" ").Trim();
            }
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

    public void Dispose()
    {
        if (!_run.Wait(TimeSpan.FromMilliseconds(_leavesByItself ? 500 : 0)))
        {
            _stop.Cancel();
        }

        try
        {
            _run.Wait();
        }
        catch (AggregateException stopped) when (stopped.InnerException is OperationCanceledException)
        {
            // Killed above, as intended.
        }

        _stop.Dispose();
        _ready.Dispose();
    }

    private void Heard(string line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (line.Contains(_readyMarker, StringComparison.Ordinal))
        {
            _ready.Set();
        }
    }
}

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
