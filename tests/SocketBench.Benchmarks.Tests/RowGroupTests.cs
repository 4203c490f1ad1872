using BenchmarkDotNet.Attributes;
using SocketBench.Core.Cases;

namespace SocketBench.Benchmarks.Tests;

public sealed class RowGroupTests
{
    /// <summary>An A/B gate runs each group in processes of its own, selected by category: a class in no group would never run there.</summary>
    [Fact]
    public void Every_benchmark_class_is_in_exactly_one_gate_group()
    {
        var classes = typeof(Program).Assembly.GetTypes()
            .Where(type => type is { IsAbstract: false, IsClass: true } && type.GetMethods().Any(method => method.IsDefined(typeof(BenchmarkAttribute), inherit: true)))
            .ToList();

        Assert.NotEmpty(classes);
        Assert.All(classes, type =>
        {
            var categories = type.GetCustomAttributes(typeof(BenchmarkCategoryAttribute), inherit: true).Cast<BenchmarkCategoryAttribute>().SelectMany(attribute => attribute.Categories);
            Assert.Single(categories.Intersect(RowGroups.Categories));
        });
    }
}
