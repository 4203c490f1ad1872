using SocketBench.Core.Cases;
using SocketBench.Core.Peers;

namespace SocketBench.Reporting.Model;

/// <summary>Every benchmark loaded from one or more export files, keyed by full ID.</summary>
public sealed record ResultSet(string Source, HostInfo Host, IReadOnlyList<BenchmarkResult> Benchmarks, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings)
{
    /// <summary>How the run measured (receiver placement, job, runtime settings), from its run record; null for older results.</summary>
    public RunSettings? Settings { get; init; }

    /// <summary>The loopback limits measured in the same session, when the results folder has them.</summary>
    public LoopbackLimits? Limits { get; init; }

    /// <summary>The remote peer the results were measured against (peer.json beside them), or null for loopback.</summary>
    public PeerRoundTrip? Peer { get; init; }

    public IEnumerable<string> Jobs => Benchmarks.Select(result => result.Job).Distinct();

    /// <summary>
    /// Machine, job, and where the data was received (the receiver setting, or the peer), so a chart taken out of its
    /// report still says how it was measured: rows of one receiver setting are not comparable with another's.
    /// </summary>
    public string Caption => $"{Host.Caption} · job {string.Join(", ", Jobs)}{(Peer is not null ? $" · peer {Peer.Peer}" : Settings is null ? "" : $" · receiver {Settings.Receiver}")}";

    public IEnumerable<BenchmarkResult> Sends => Benchmarks.Where(result => result.IsSend);
}

/// <summary>The machine and runtime a result set was measured on, as BenchmarkDotNet recorded it (its full JSON export's HostEnvironmentInfo).</summary>
public sealed record HostInfo(
    string OsVersion = "unknown OS", string ProcessorName = "unknown CPU", int LogicalCoreCount = 0, string RuntimeVersion = "unknown runtime", string Architecture = "unknown", string BenchmarkDotNetVersion = "?")
{
    /// <summary>One line for chart captions and report headers.</summary>
    public string Caption => $"{ProcessorName}, {LogicalCoreCount} logical cores · {OsShort} {Architecture} · {RuntimeShort} · BenchmarkDotNet {BenchmarkDotNetVersion}";

    /// <summary>"Linux Debian GNU/Linux 12 (bookworm)" is "Debian GNU/Linux 12": enough to tell machines apart in a caption.</summary>
    public string OsShort => OsVersion.StartsWith("Linux ", StringComparison.Ordinal) ? OsVersion["Linux ".Length..].Split(" (", 2)[0] : OsVersion.Split(" (", 2)[0];

    /// <summary>The runtime without its build details: ".NET 10.0.12 (10.0.12, ...)" is ".NET 10.0.12".</summary>
    public string RuntimeShort => RuntimeVersion.Split(" (", 2)[0];
}
