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
    /// A limit run: starts the server, runs the client against it and returns the client's output, or the
    /// one-line reason when the server never got ready or the client outlived <paramref name="seconds"/> + 10 s.
    /// </summary>
    public static (ToolProcess? Client, string? Failure) RunClient(
        LimitTool tool, IReadOnlyList<string> serverArguments, string readyMarker, bool leavesByItself, IReadOnlyList<string> clientArguments, int seconds)
    {
        using var server = Start(tool.Path!, serverArguments, readyMarker, TimeSpan.FromSeconds(3), leavesByItself);
        if (!server.IsReady)
        {
            return (null, $"{tool.Name} server did not start: {server.Log}");
        }

        var client = ToolProcess.Run(tool.Path!, clientArguments, TimeSpan.FromSeconds(seconds + 10));
        return client.TimedOut
            ? (null, string.Create(CultureInfo.InvariantCulture, $"{tool.Name} did not finish within {seconds + 10} s"))
            : (client, null);
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
