using System.Reflection;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Config;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;

namespace SocketBench.Benchmarks.Tests;

/// <summary>
/// The WinRT benchmark cases as BenchmarkDotNet builds them, on any OS: the Windows bench assembly is loaded by
/// path and its benchmark classes converted. Nothing WinRT runs; only the classes' declarations are read.
/// </summary>
internal static class WinRtCases
{
    private static readonly Lazy<Assembly> WindowsBench = new(Load);

    /// <summary>Every case of the Windows bench whose record says WinRT (the portable classes compiled there are left out).</summary>
    public static IReadOnlyList<BenchmarkCase> All() =>
        WindowsBench.Value.GetTypes()
            .Where(type => !type.IsAbstract && type.GetMethods().Any(method => method.IsDefined(typeof(BenchmarkAttribute))))
            .SelectMany(type => BenchmarkConverter.TypeToBenchmarks(type).BenchmarksCases)
            .Where(benchmarkCase => CaseRecords.Of(benchmarkCase)?.Backend == Backend.WinRT)
            .ToList();

    /// <summary>The committed run record the reporting tests use for WinRT rows.</summary>
    public static string TestRecordPath => Metadata("WinRtTestRecord");

    private static Assembly Load()
    {
        string path = Metadata("WindowsBenchAssembly");
        string folder = Path.GetDirectoryName(path)!;
        // What this process does not have (the WinRT backend, the Windows SDK projection) comes from the bench's own output.
        AppDomain.CurrentDomain.AssemblyResolve += (_, request) =>
            Path.Combine(folder, new AssemblyName(request.Name).Name + ".dll") is var candidate && File.Exists(candidate) ? Assembly.LoadFrom(candidate) : null;
        return Assembly.LoadFrom(path);
    }

    private static string Metadata(string key) =>
        typeof(WinRtCases).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == key).Value!;
}
