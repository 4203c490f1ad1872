using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Batches;
using SocketBench.Sockets;

namespace SocketBench.Benchmarks.Columns;

/// <summary>The system calls a row's method makes on this OS, e.g. "sendmmsg per batch" or "send per datagram (fallback)".</summary>
public sealed class SendPathColumn : IColumn
{
    public static IColumn Instance { get; } = new SendPathColumn();

    public string Id => "SocketBench.SendPath";

    public string ColumnName => "Send path";

    public string Legend => "System calls the method makes on this OS (fallback: the OS lacks the batched call)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => -1;

    public bool IsNumeric => false;

    public UnitType UnitType => UnitType.Dimensionless;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    /// <summary>Only in tables of send benchmarks (an echo round trip has no send method).</summary>
    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(IsSendBenchmark);

    internal static bool IsSendBenchmark(BenchmarkCase benchmarkCase) =>
        Enum.TryParse<SendMethod>(benchmarkCase.Descriptor.WorkloadMethod.Name, out _);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        string typeName = benchmarkCase.Descriptor.Type.Name;
        if (!Enum.TryParse<SendMethod>(benchmarkCase.Descriptor.WorkloadMethod.Name, out var method))
        {
            return "?";
        }

        if (typeName.StartsWith(Categories.Tls, StringComparison.Ordinal))
        {
            return SendPaths.DescribeTls(method);
        }

        return SendPaths.Describe(typeName.StartsWith("Udp", StringComparison.Ordinal) ? Transport.Udp : Transport.Tcp, method);
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public override string ToString() => ColumnName;
}
