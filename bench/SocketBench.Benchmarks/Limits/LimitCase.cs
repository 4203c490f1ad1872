using System.Globalization;
using BenchmarkDotNet.Running;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;
using SocketBench.Sockets;

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
    public static LimitCase? From(BenchmarkCase benchmarkCase)
    {
        // TLS rows are held against plain TCP with TCP_NODELAY (no tool measures TLS over loopback).
        if (Config.CaseRecords.Of(benchmarkCase) is not { Kind: not CaseKind.RoundTrip } identity
            || !Enum.TryParse<SendMethod>(identity.Method, out var method))
        {
            return null;
        }

        var transport = identity.Transport == CaseTransport.Udp ? Transport.Udp : Transport.Tcp;
        bool? noDelay = transport == Transport.Tcp ? NoDelayOf(benchmarkCase) : null;
        return new LimitCase(transport, SendCallBytes.For(transport, method, identity.BufferSize, identity.BufferCount), noDelay);
    }

    public string Label => string.Create(
        CultureInfo.InvariantCulture,
        $"{Transport.ToString().ToLowerInvariant()} -l {BytesPerSendCall}{(NoDelay == true ? " -N" : "")}");

    /// <summary>The row's TCP_NODELAY; on where the class has no such parameter (TLS rows always set it).</summary>
    private static bool NoDelayOf(BenchmarkCase benchmarkCase) =>
        !benchmarkCase.Parameters.Items.Any(item => item.Name == "NoDelay") || benchmarkCase.Parameters["NoDelay"] as bool? != false;
}
