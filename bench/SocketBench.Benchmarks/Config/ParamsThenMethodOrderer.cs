using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using SocketBench.Sockets;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// Rows grouped by batch shape, and within a shape in <see cref="SendMethod"/> order: the guide's
/// three strategies first, then the OS reference rows. (BenchmarkDotNet's default orders by
/// category name, which would put the reference rows first.)
/// </summary>
public sealed class ParamsThenMethodOrderer : IOrderer
{
    public static ParamsThenMethodOrderer Instance { get; } = new();

    public bool SeparateLogicalGroups => true;

    public IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        benchmarksCase
            .OrderBy(benchmarkCase => benchmarkCase.Descriptor.Type.FullName, StringComparer.Ordinal)
            .ThenBy(benchmarkCase => benchmarkCase.Parameters, ParameterValues.Comparer)
            .ThenBy(MethodOrder);

    // The order of SendMethod (strategies, then reference rows); inherited methods have no useful declaration order.
    private static int MethodOrder(BenchmarkCase benchmarkCase) =>
        Enum.TryParse<SendMethod>(benchmarkCase.Descriptor.WorkloadMethod.Name, out var method) ? (int)method : int.MaxValue;

    public IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) =>
        GetExecutionOrder(benchmarksCases);

    public string? GetHighlightGroupKey(BenchmarkCase benchmarkCase) => null;

    public string GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase) =>
        benchmarkCase.Job.DisplayInfo + "|" + benchmarkCase.Parameters.DisplayInfo;

    public IEnumerable<IGrouping<string, BenchmarkCase>> GetLogicalGroupOrder(
        IEnumerable<IGrouping<string, BenchmarkCase>> logicalGroups, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        logicalGroups.OrderBy(group => group.First().Parameters, ParameterValues.Comparer);

    /// <summary>Orders parameter sets value by value, in declaration order (numbers as numbers, not as text).</summary>
    private sealed class ParameterValues : IComparer<ParameterInstances>
    {
        public static ParameterValues Comparer { get; } = new();

        public int Compare(ParameterInstances? x, ParameterInstances? y)
        {
            if (x is null || y is null)
            {
                return (x is null).CompareTo(y is null);
            }

            for (int index = 0; index < Math.Min(x.Count, y.Count); index++)
            {
                int order = x[index].Value is IComparable value ? value.CompareTo(y[index].Value) : 0;
                if (order != 0)
                {
                    return order;
                }
            }

            return x.Count.CompareTo(y.Count);
        }
    }
}
