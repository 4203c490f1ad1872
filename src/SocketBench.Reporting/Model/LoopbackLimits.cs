using SocketBench.Core.Cases;

namespace SocketBench.Reporting.Model;

/// <summary>
/// The loopback limits a run measured beside its benchmarks (<c>loopback-limits.json</c>): the tools it
/// found or why not, every tool run, and when nothing was measured, why.
/// </summary>
public sealed record LoopbackLimits(
    string File,
    double SecondsTaken,
    int SecondsPerRun,
    string? NotMeasured,
    IReadOnlyList<LimitToolInfo> Tools,
    IReadOnlyList<LimitRun> Runs)
{
    /// <summary>The iperf3 run a row is compared with: same transport, bytes per send call and (TCP) TCP_NODELAY.</summary>
    public LimitRun? Iperf3For(string transport, long bytesPerSendCall, bool? noDelay) => Runs.FirstOrDefault(run =>
        run.Tool == "iperf3" && run.Transport == transport && run.BytesPerSendCall == bytesPerSendCall && (transport != "TCP" || run.NoDelay == noDelay));
}

/// <summary>A limit tool as the run found it: its version, or why it could not be used.</summary>
public sealed record LimitToolInfo(string Name, string? Version, string? Reason);
