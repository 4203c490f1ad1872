using System.Globalization;
using BenchmarkDotNet.Running;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// One loopback limit to measure: a transport, the bytes per send call, and for TCP whether Nagle is
/// off (TCP_NODELAY, iperf3 <c>-N</c>), so each row meets a tool run that does the same work per call.
/// </summary>
public sealed record LimitCase(Transport Transport, long BytesPerSendCall, bool? NoDelay)
{
    /// <summary>The distinct limits the cases that ran need, TCP first, then by bytes per call.</summary>
    public static IReadOnlyList<LimitCase> For(IEnumerable<BenchmarkCase> cases) =>
        cases.Select(From).OfType<LimitCase>().Distinct()
            .OrderBy(limit => limit.Transport).ThenBy(limit => limit.BytesPerSendCall).ThenByDescending(limit => limit.NoDelay)
            .ToList();

    /// <summary>The limit one send case is compared with, from its case record; null for anything that is not a send case (echo, other types).</summary>
    /// <remarks>TLS rows are held against plain TCP with TCP_NODELAY: no tool measures TLS over loopback.</remarks>
    public static LimitCase? From(BenchmarkCase benchmarkCase) =>
        Config.CaseRecords.Of(benchmarkCase) is { Kind: not CaseKind.RoundTrip } identity
            ? new LimitCase(identity.Transport == CaseTransport.Udp ? Transport.Udp : Transport.Tcp, identity.BytesPerSendCall, identity.NoDelay)
            : null;

    public string Label => string.Create(
        CultureInfo.InvariantCulture,
        $"{Transport.ToString().ToLowerInvariant()} -l {BytesPerSendCall}{(NoDelay == true ? " -N" : "")}");
}
