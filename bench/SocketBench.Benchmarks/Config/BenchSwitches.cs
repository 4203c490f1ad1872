using System.Globalization;
using BenchmarkDotNet.Jobs;
using SocketBench.Core.Peers;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// The few options SocketBench adds to BenchmarkDotNet's own (<c>--filter</c>, <c>--list</c>, ...):
/// they are taken out of the arguments before the rest goes to BenchmarkSwitcher.
/// </summary>
public sealed record BenchSwitches(Job Job, string ResultsDirectory, IReadOnlyList<bool> NoDelay, IReadOnlyList<string> BenchmarkDotNetArgs)
{
    public const string Help = """
        SocketBench options (everything else goes to BenchmarkDotNet, e.g. --filter '*Tcp*', --list flat):
          --job default|quick   default: the main job, each case in its own process (whole matrix about 6 min)
                                quick:   in-process, short iterations for CI (whole matrix about 2 min)
                                BenchmarkDotNet's own jobs (dry, short, medium, long) pass through as usual
          --job gate            the gate's job: every method on every transport at 64 B x 64, 1 KiB x 256 and one single
                                buffer (64 B x 1), in-process, more samples per row (about 1 min); socketbench gate runs it
          --shapes LIST         only these batch shapes, SIZExCOUNT separated by commas (e.g. --shapes 64x64,64x256);
                                echo rows match on SIZE alone
          --receiver inline|spin|block  where the loopback receiver runs and how it waits (default: inline when
                                running as root, which its 16 MiB socket buffers need, spin otherwise)
                                inline: no receiver thread; the benchmark thread, on CPU 0, reads what arrived after
                                        every 64 KiB sent and at the wait for delivery (the data stays on one CPU)
                                spin:   receiver pinned to the last CPU, polling; benchmark thread pinned to CPU 0
                                block:  blocking recv, threads placed by the scheduler (each send may wake the receiver)
                                echo round trips: client and in-process server share CPU 0 under inline and spin
          --nodelay on|off|both TCP_NODELAY on the TCP sender (default: on, as WinRT's StreamSocket)
          --out DIR             where the full JSON and GitHub Markdown results go; the folder is this run's, and
                                SocketBench files of an earlier run there are replaced. Without --out every run gets
                                its own folder, results/runs/<time>-<job> (results/runs/latest names it), and a
                                run of the whole matrix (no --filter but '*', no --shapes, no category filter) also
                                replaces results/<job>; a partial run leaves results/<job> as it was
          --kernel-counts on|off count every row's send system calls in the kernel too (perf tracepoints filtered
                                on the sending socket; default on; needs Linux, root and tracefs) and fail the run
                                when the kernel's count and the code's differ
          --limits auto|off     after the run, measure the loopback limit with iperf3/sockperf when they are on PATH
                                (default auto; writes loopback-limits.json beside the results)
          --peer HOST:PORT      send to a `socketbench serve` on another host instead of loopback (docs/peers.md);
                                the round trip to it is measured first and saved as peer.json beside the results
        """;

    /// <summary><c>--limits auto</c> (the default): measure the loopback limit after the run; <c>off</c>: record that it was not.</summary>
    public bool MeasureLimits { get; init; } = true;
    /// <summary>The job's SocketBench name ("default", "quick", "gate"), or BenchmarkDotNet's job name passed through.</summary>
    public string JobName { get; init; } = "default";

    /// <summary>--shapes: the batch shapes to run, or empty for every shape.</summary>
    public IReadOnlyList<(int BufferSize, int BufferCount)> Shapes { get; init; } = [];

    /// <summary>
    /// Where a run of the whole matrix is also published (results/&lt;job&gt;) when no --out was given; null with --out.
    /// A partial run is never published there, so it cannot replace results it did not measure.
    /// </summary>
    public string? PublishDirectory { get; init; }

    /// <summary>
    /// Whether the arguments run every benchmark of one of SocketBench's jobs: no filter but '*', no category filter,
    /// no --shapes, and no BenchmarkDotNet job passed through (that measures differently from the job it would replace).
    /// </summary>
    public bool WholeMatrix => Shapes.Count == 0 && !BenchmarkDotNetArgs.Any(arg => arg is "--anyCategories" or "--allCategories" or "--job" or "-j")
        && FilterValues(BenchmarkDotNetArgs).All(filter => filter == "*");

    /// <summary>--kernel-counts: whether rows also count their sends in the kernel.</summary>
    public bool KernelCounts { get; init; } = true;

    /// <summary>--receiver: where the loopback receiver runs and how it waits.</summary>
    public ReceiverMode Receiver { get; init; } = RunEnvironment.DefaultReceiver;

    /// <summary>The remote peer from --peer, or null for the usual loopback run.</summary>
    public PeerAddress? Peer { get; init; }

    /// <summary>Parses SocketBench's options; throws <see cref="ArgumentException"/> with one line quoting a bad value.</summary>
    public static BenchSwitches Parse(IReadOnlyList<string> args)
    {
        var switches = new BenchSwitches(SocketBenchJobs.Default, "", [true], []);
        string? results = null;
        for (int index = 0; index < args.Count; index++)
        {
            switches = args[index] switch
            {
                "--job" when index + 1 < args.Count && SocketBenchJobs.ByName.TryGetValue(args[index + 1], out var named) =>
                    switches with { Job = named, JobName = args[++index].ToLowerInvariant() },
                "--nodelay" => switches with { NoDelay = Choice<IReadOnlyList<bool>>(args, ref index, example: "both", ("on|true", [true]), ("off|false", [false]), ("both", [true, false])) },
                "--limits" => switches with { MeasureLimits = Choice(args, ref index, example: "off", ("auto|on", true), ("off", false)) },
                "--out" => switches with { ResultsDirectory = results = ValueOf(args, ref index, example: "results/mine") },
                "--shapes" => switches with { Shapes = ParseShapes(ValueOf(args, ref index, example: "64x64,64x256")) },
                "--kernel-counts" => switches with { KernelCounts = Choice(args, ref index, example: "off", ("on", true), ("off", false)) },
                "--receiver" => switches with { Receiver = ReceiverModes.Parse(ValueOf(args, ref index, example: "block")) },
                "--peer" => switches with { Peer = PeerAddress.Parse(ValueOf(args, ref index, example: PeerAddress.Example)) },
                // Everything else is BenchmarkDotNet's.
                var other => switches with { BenchmarkDotNetArgs = [.. switches.BenchmarkDotNetArgs, other] },
            };
        }

        return switches with
        {
            ResultsDirectory = results ?? Path.Combine(RunsDirectory, DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture) + "-" + switches.JobName),
            PublishDirectory = results is null ? Path.Combine("results", switches.JobName) : null,
        };
    }

    /// <summary>The folder of runs that were given no --out, and the link to the newest of them.</summary>
    public static string RunsDirectory => Path.Combine("results", "runs");

    // BenchmarkDotNet takes several patterns after one --filter (or -f): every argument up to the next option.
    private static IEnumerable<string> FilterValues(IReadOnlyList<string> args) =>
        args.Where((arg, index) => !arg.StartsWith('-') && args.Take(index).LastOrDefault(option => option.StartsWith('-')) is "--filter" or "-f");

    private static IReadOnlyList<(int, int)> ParseShapes(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
        .Select(shape => shape.Split('x') is [var size, var count]
            && int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out int bufferSize) && bufferSize > 0
            && int.TryParse(count, NumberStyles.None, CultureInfo.InvariantCulture, out int bufferCount) && bufferCount > 0
                ? (bufferSize, bufferCount)
                : throw new ArgumentException($"Invalid --shapes '{value}': each shape is SIZExCOUNT in bytes and buffers. Example: --shapes 64x64,1024x256."))
        .ToList();

    /// <summary>
    /// The value of an option that takes one of a few words (any case); each choice's names are separated by '|', the
    /// first is the one the error lists. <paramref name="example"/> is used both when the value is missing and when it is bad.
    /// </summary>
    private static T Choice<T>(IReadOnlyList<string> args, ref int index, string example, params (string Names, T Value)[] choices)
    {
        string option = args[index];
        string value = ValueOf(args, ref index, example);
        return Array.Find(choices, choice => choice.Names.Split('|').Contains(value.ToLowerInvariant())) is { Names: not null } chosen
            ? chosen.Value
            : throw new ArgumentException($"Invalid {option} '{value}'. Valid: {string.Join(", ", choices.Select(choice => choice.Names.Split('|')[0]))}. Example: {option} {example}.");
    }

    private static string ValueOf(IReadOnlyList<string> args, ref int index, string example)
    {
        if (index + 1 >= args.Count || args[index + 1].StartsWith("--", StringComparison.Ordinal))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Option '{args[index]}' needs a value. Example: {args[index]} {example}."));
        }

        return args[++index];
    }
}
