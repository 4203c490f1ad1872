namespace SocketBench.Reporting.Model;

/// <summary>Every benchmark loaded from one or more export files, keyed by full ID.</summary>
public sealed record ResultSet(string Source, HostInfo Host, IReadOnlyList<BenchmarkResult> Benchmarks, IReadOnlyList<string> Files, IReadOnlyList<string> Warnings)
{
    /// <summary>The loopback limits measured in the same session, when the results folder has them.</summary>
    public LoopbackLimits? Limits { get; init; }

    public IEnumerable<string> Jobs => Benchmarks.Select(result => result.Job).Distinct();

    public string Caption => $"{Host.Caption} · job {string.Join(", ", Jobs)}";

    public IEnumerable<BenchmarkResult> Sends => Benchmarks.Where(result => result.IsSend);

    public BenchmarkResult? Find(string fullName) => Benchmarks.FirstOrDefault(result => result.FullName == fullName);
}
