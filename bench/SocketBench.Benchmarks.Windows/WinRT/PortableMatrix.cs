using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace SocketBench.Benchmarks.Sending;

/// <summary>
/// The parameter values of a portable benchmark class, read from its <c>[Params]</c>: the WinRT classes
/// measure exactly the portable matrix, and a change to it reaches both backends at once.
/// </summary>
internal static class PortableMatrix
{
    public static IEnumerable<int> Values<TBenchmarks>(string property) =>
        typeof(TBenchmarks).GetProperty(property)!.GetCustomAttribute<ParamsAttribute>()!.Values.Cast<int>();
}
