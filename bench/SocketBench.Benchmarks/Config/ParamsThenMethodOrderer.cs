using System.Collections.Immutable;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Order;
using BenchmarkDotNet.Parameters;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// Rows grouped by batch shape, and within a shape the guide's three strategies first, then the OS
/// reference rows, each in the order the benchmark declares them. (BenchmarkDotNet's default orders
/// by category name, which would put the reference rows first.)
/// </summary>
public sealed class ParamsThenMethodOrderer : IOrderer
{
    public static ParamsThenMethodOrderer Instance { get; } = new();

    public bool SeparateLogicalGroups => true;

    public IEnumerable<BenchmarkCase> GetExecutionOrder(ImmutableArray<BenchmarkCase> benchmarksCase, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        benchmarksCase
            .OrderBy(benchmarkCase => benchmarkCase.Descriptor.Type.FullName, StringComparer.Ordinal)
            .ThenBy(benchmarkCase => benchmarkCase.Parameters, ParameterValues)
            .ThenBy(benchmarkCase => benchmarkCase.Descriptor.HasCategory(Categories.Reference))
            .ThenBy(DeclarationOrder);

    // A class's own methods before those it inherits (GatherSend before the shared SyscallPerBuffer); within a class, source order.
    private static (int Depth, int Token) DeclarationOrder(BenchmarkCase benchmarkCase) =>
        (-Ancestors(benchmarkCase.Descriptor.WorkloadMethod.DeclaringType), benchmarkCase.Descriptor.WorkloadMethod.MetadataToken);

    private static int Ancestors(Type? type) => type?.BaseType is { } baseType ? 1 + Ancestors(baseType) : 0;

    public IEnumerable<BenchmarkCase> GetSummaryOrder(ImmutableArray<BenchmarkCase> benchmarksCases, Summary summary) =>
        GetExecutionOrder(benchmarksCases);

    public string? GetHighlightGroupKey(BenchmarkCase benchmarkCase) => null;

    public string GetLogicalGroupKey(ImmutableArray<BenchmarkCase> allBenchmarksCases, BenchmarkCase benchmarkCase) =>
        benchmarkCase.Job.DisplayInfo + "|" + benchmarkCase.Parameters.DisplayInfo;

    public IEnumerable<IGrouping<string, BenchmarkCase>> GetLogicalGroupOrder(
        IEnumerable<IGrouping<string, BenchmarkCase>> logicalGroups, IEnumerable<BenchmarkLogicalGroupRule>? order = null) =>
        logicalGroups.OrderBy(group => group.First().Parameters, ParameterValues);

    /// <summary>Orders parameter sets value by value, in declaration order (numbers as numbers, not as text).</summary>
    private static readonly IComparer<ParameterInstances> ParameterValues = Comparer<ParameterInstances>.Create((x, y) =>
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
    });
}
