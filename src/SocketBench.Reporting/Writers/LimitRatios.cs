using System.Globalization;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>
/// A send row against its limits: delivered Gbit/s ÷ iperf3's at the same bytes per send call (and
/// TCP_NODELAY), and ÷ the OS reference row of the same batch shape (GatherSend on TCP, SendMmsg on UDP).
/// A TLS row is held against plain TCP: no tool measures TLS over loopback, and a TLS stream cannot
/// beat the TCP stream under it, so iperf3 -N and the raw GatherSend row of the same shape are its ceiling.
/// </summary>
public static class LimitRatios
{
    public const string ShapeLimitLabel = "limit for this batch shape";

    public static LimitRun? Iperf3Run(BenchmarkResult row, LoopbackLimits? limits) =>
        limits is not null && row.Case.BytesPerSendCall > 0
            ? limits.Iperf3For(LimitTransportOf(row) == CaseTransport.Udp ? TransportLabels.Udp : TransportLabels.Tcp, row.Case.BytesPerSendCall, row.Case.NoDelay)
            : null;

    public static double? ToIperf3(BenchmarkResult row, LoopbackLimits? limits) =>
        Iperf3Run(row, limits) is { GigabitsPerSecond: > 0 } run && row.DeliveredGigabitsPerSecond is double gigabits
            ? gigabits / run.GigabitsPerSecond.Value
            : null;

    /// <summary>The OS reference row with the same batch shape (and TCP_NODELAY) as <paramref name="row"/>.</summary>
    public static BenchmarkResult? ShapeReference(BenchmarkResult row, ResultSet results) =>
        results.Sends.FirstOrDefault(other => other.Case.IsShapeLimit && other.Case.Transport == LimitTransportOf(row)
            && other.BufferSize == row.BufferSize && other.BufferCount == row.BufferCount && other.Case.NoDelay == row.Case.NoDelay);

    public static string Iperf3Cell(BenchmarkResult row, LoopbackLimits? limits) =>
        ToIperf3(row, limits) is double ratio ? Format(ratio)
        : Iperf3Run(row, limits) is { } run ? (run.BytesPerSendCall > Iperf3Limits.MaxBytesPerCall ? "none > 1 MiB" : "failed")
        : "–";

    public static string ShapeLimitCell(BenchmarkResult row, ResultSet results) =>
        row.Case.IsShapeLimit ? ShapeLimitLabel
        : ShapeReference(row, results)?.DeliveredGigabitsPerSecond is > 0 and double limit && row.DeliveredGigabitsPerSecond is double gigabits ? Format(gigabits / limit)
        : "–";

    /// <summary>Two decimals, three below 0.1 so a small share does not print as 0.00×.</summary>
    public static string Format(double ratio) => ratio.ToString(ratio < 0.1 ? "0.000" : "0.00", CultureInfo.InvariantCulture) + "×";

    /// <summary>The transport whose limits a row is held against: its own, or plain TCP for a TLS row.</summary>
    private static CaseTransport LimitTransportOf(BenchmarkResult row) => row.Case.Transport == CaseTransport.Tls ? CaseTransport.Tcp : row.Case.Transport;
}
