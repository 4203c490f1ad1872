using System.Collections.Concurrent;
using System.Globalization;
using CliWrap;
using CliWrap.Buffered;
using SocketBench.Cli.Commands;
using SocketBench.Core.Peers;

namespace SocketBench.Reporting.Tests.Peers;

/// <summary>
/// A `socketbench serve` peer in its own network namespace, made with scripts/netns-peer: a name and a /30
/// unique to this test process, so concurrent runs do not clash, and always taken down again.
/// </summary>
internal sealed class NetnsPeer : IDisposable
{
    private static int s_made;

    private readonly ConcurrentQueue<string> _lines = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serve;

    private NetnsPeer(string name, string peerIp)
    {
        Name = name;
        Address = new PeerAddress(peerIp, PeerAddress.DefaultPort);
        var heard = PipeTarget.ToDelegate(_lines.Enqueue);
        // Cancelling _stop kills the script and serve under it (the whole process tree).
        _serve = CliWrap.Cli.Wrap(Script).WithArguments(["run", "--name", name, "--", "dotnet", CliDll(), "serve", "--listen", $"{peerIp}:{PeerAddress.DefaultPort}", "--for", "300"])
            .WithValidation(CommandResultValidation.None).WithStandardOutputPipe(heard).WithStandardErrorPipe(heard).ExecuteAsync(_stop.Token);
    }

    public string Name { get; }

    public PeerAddress Address { get; }

    /// <summary>What serve has printed so far (port map, one line per sink session).</summary>
    public IReadOnlyCollection<string> ServeLines => _lines;

    private static string Root => RepositoryRoot.Find(AppContext.BaseDirectory) ?? throw new InvalidOperationException("No SocketBench.sln above the test output.");

    private static string Script => Path.Combine(Root, "scripts", "netns-peer");

    /// <summary>What scripts/netns-peer check says this machine can do: "yes", or the reason it cannot, per feature.</summary>
    public static IReadOnlyDictionary<string, string> Capabilities { get; } = ReadCapabilities();

    /// <summary>Why the feature ("netns", "netem", "nft-loss") is missing here, or null when it works.</summary>
    public static string? Missing(string feature) =>
        Capabilities.TryGetValue(feature, out string? answer) ? (answer == "yes" ? null : $"{feature}: {answer}") : $"{feature}: not checked ({Capabilities.GetValueOrDefault("netns", "?")})";

    /// <summary>Skips the test, with the reasons, unless at least one of the features works here.</summary>
    public static void SkipUnlessAny(params string[] features)
    {
        var reasons = features.Select(Missing).ToList();
        Skip.If(reasons.All(reason => reason is not null), string.Join("; ", reasons));
    }

    /// <summary>Brings a namespace up (with loss or delay passed to the script) and starts serve inside it.</summary>
    public static NetnsPeer Start(params string[] linkOptions)
    {
        int made = Interlocked.Increment(ref s_made);
        int pid = Environment.ProcessId;
        string name = string.Create(CultureInfo.InvariantCulture, $"sbt{pid % 100000}x{made}");
        string net = string.Create(CultureInfo.InvariantCulture, $"10.{100 + pid % 150}.{(pid / 150 + made) % 64 * 4}.0");
        var up = RunScript(["up", "--name", name, "--net", net, .. linkOptions]);
        Assert.True(up.ExitCode == 0, $"netns-peer up failed: {up.Output}");
        string peerIp = up.Output.Trim().Split('\n')[^1].Trim();

        var peer = new NetnsPeer(name, peerIp);
        if (!SpinWait.SpinUntil(() => peer._lines.Any(line => line.StartsWith("clients:", StringComparison.Ordinal)), TimeSpan.FromSeconds(20)))
        {
            string seen = string.Join(" | ", peer._lines);
            peer.Dispose();
            throw new TimeoutException($"serve did not start in namespace {name}: {seen}");
        }

        return peer;
    }

    public bool WaitForLine(string fragment, TimeSpan limit) =>
        SpinWait.SpinUntil(() => _lines.Any(line => line.Contains(fragment, StringComparison.Ordinal)), limit);

    public void Dispose()
    {
        _stop.Cancel();
        // Cancelled, it ends in an OperationCanceledException; waited for (up to 5 s) so the namespace is free to go.
        _serve.ContinueWith(_ => { }, TaskScheduler.Default).Wait(5000);
        _stop.Dispose();
        RunScript(["down", "--name", Name]);
    }

    private static string CliDll()
    {
        // The same configuration as these tests (the CLI is a project reference, so it is built).
        string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";
        return Path.Combine(Root, "src", "SocketBench.Cli", "bin", configuration, "net10.0", "socketbench.dll");
    }

    private static IReadOnlyDictionary<string, string> ReadCapabilities()
    {
        var answers = new Dictionary<string, string>();
        (int ExitCode, string Output) check;
        try
        {
            check = RunScript(["check"]);
        }
        catch (System.ComponentModel.Win32Exception error)
        {
            answers["netns"] = $"cannot run scripts/netns-peer: {error.Message}";
            return answers;
        }

        foreach (string line in check.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            int colon = line.IndexOf(':');
            if (colon > 0)
            {
                string answer = line[(colon + 1)..].Trim();
                answers[line[..colon].Trim()] = answer.StartsWith("no:", StringComparison.Ordinal) ? answer[3..].Trim() : answer;
            }
        }

        return answers;
    }

    private static (int ExitCode, string Output) RunScript(string[] arguments)
    {
        var run = CliWrap.Cli.Wrap(Script).WithArguments(arguments).WithValidation(CommandResultValidation.None).ExecuteBufferedAsync().GetAwaiter().GetResult();
        return (run.ExitCode, run.StandardOutput + run.StandardError);
    }
}
