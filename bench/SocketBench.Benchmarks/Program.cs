using System.Globalization;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Benchmarks.Limits;
using SocketBench.Benchmarks.Peers;
using SocketBench.Core.Cases;
using SocketBench.Core.Peers;
using SocketBench.Sockets;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Remote;

// Every number printed or exported is in invariant culture, whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

BenchSwitches switches;
try
{
    switches = BenchSwitches.Parse(args);
}
catch (ArgumentException error)
{
    Console.Error.WriteLine($"error: {error.Message}");
    return 2;
}

if (GateRuntime.NeedsRestart(switches.JobName))
{
    return GateRuntime.RunAgain(args);
}

if (args.Contains("--help") || args.Contains("-h") || args.Contains("-?"))
{
    Console.WriteLine(BenchSwitches.Help);
}

if (!UdpGso.IsAvailable)
{
    Console.WriteLine($"note: UdpSendBenchmarks.GsoSend is not offered here: {UdpGso.UnavailableReason}.");
}

PeerRoundTrip? peerRoundTrip;
try
{
    peerRoundTrip = PeerRun.Prepare(switches.Peer, measure: !args.Contains("--list"), Console.Out);
}
catch (PeerUnreachableException error)
{
    Console.Error.WriteLine($"error: {error.Message.ReplaceLineEndings(" ")}");
    return 1;
}

RunEnvironment.Publish(switches.Receiver, switches.KernelCounts, switches.NoDelay);
string kernelCounts = RunEnvironment.KernelCountsState();
if (kernelCounts.StartsWith("unavailable", StringComparison.Ordinal))
{
    Console.WriteLine($"note: sends are counted by the code only, the kernel's count is {kernelCounts}.");
}

if (TestFaults.Active is { } fault)
{
    Console.WriteLine($"warning: test fault '{fault}' is switched on ({TestFaults.Variable}): these results measure a deliberately broken build.");
}

const string ArtifactsPath = "BenchmarkDotNet.Artifacts";
DeliveryLedger.UseFile(Path.Combine(ArtifactsPath, "delivery-ledger.json"));

var runStarted = DateTime.UtcNow;
var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
    .Run([.. switches.BenchmarkDotNetArgs], SocketBenchConfig.Create(switches.Job, ArtifactsPath, switches.Shapes))
    .ToList();

// --list, --help and a filter that matched nothing measure nothing: BenchmarkDotNet has said why.
if (summaries.Count == 0 || summaries.All(summary => summary.BenchmarksCases.Length == 0))
{
    return 0;
}

var problems = RunCheck.Inspect(summaries, expectKernelCounts: kernelCounts == "on");
var written = ResultsFolder.Publish(summaries, runStarted, switches.ResultsDirectory);
// Publish has removed a previous run's peer.json, so a loopback run is never labelled remote.
peerRoundTrip?.Write(switches.ResultsDirectory);
var cases = summaries.SelectMany(summary => summary.BenchmarksCases).Select(CaseRecords.Of).OfType<CaseRecord>().ToList();
written = [.. written, new RunRecord(RunEnvironment.Settings(switches.JobName, kernelCounts), cases).Write(switches.ResultsDirectory)];
problems.AddRange(RunCheck.InspectJson(written, summaries.Sum(summary => summary.BenchmarksCases.Length)));
string limitsFile = LoopbackLimitStep.Run(switches, summaries, Console.Out).Write(switches.ResultsDirectory);

Console.WriteLine();
Console.WriteLine($"Results: {Path.GetFullPath(switches.ResultsDirectory)}");
foreach (string file in written.Append(limitsFile))
{
    Console.WriteLine($"  {Path.GetFileName(file)}");
}

// A run with no --out has its own folder; only a run of the whole matrix also becomes results/<job>.
if (switches.PublishDirectory is { } published)
{
    ResultsFolder.NameLatest(BenchSwitches.RunsDirectory, switches.ResultsDirectory);
    if (switches.WholeMatrix)
    {
        ResultsFolder.Replace(published, switches.ResultsDirectory);
        Console.WriteLine($"Published as {Path.GetFullPath(published)} (a run of the whole matrix).");
    }
    else
    {
        Console.WriteLine($"A partial run: {published} is left as it was (only a run of the whole matrix replaces it).");
    }
}

foreach (string mismatch in RunCheck.SendPathMismatches(summaries))
{
    Console.Error.WriteLine($"warning: {mismatch}");
}

return RunCheck.Report(problems, Console.Error);

/// <summary>The entry point's type, named so BenchmarkSwitcher can find this assembly.</summary>
public partial class Program;
