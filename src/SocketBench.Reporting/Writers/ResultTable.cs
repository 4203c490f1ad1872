using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>The per-case figures the report shows (report.md, and index.html rendered from it), as rows of text cells.</summary>
public static class ResultTable
{
    public static IReadOnlyList<string> Header { get; } =
        ["Group", "Method", "Backend", "Send path", "BufferSize", "BufferCount", "Time/buffer", "99.9 % CI", "Gbit/s", "buffers/s", "Sends/buffer", "Delivered", "÷ iperf3", "÷ shape limit"];

    /// <summary>What the Group column means, printed above the send tables.</summary>
    public const string GroupNote =
        "Group: **guide strategy** = the Sockets guide's three strategies over SocketBench's output; **.NET API** = .NET's own send paths "
        + "(NetworkStream, Socket.SendAsync, PipeWriter, BufferedStream, SslStream) as a .NET developer writes them, with default options; "
        + "**OS reference** = raw system calls, no .NET socket layer, the limit for a batch shape. Within a batch shape the three groups "
        + "follow each other, so one table answers what your code costs per buffer and how far it is from the OS. A .NET API row's sends "
        + "happen inside .NET, where SocketBench's code cannot count them: its Sends/buffer is the kernel's count, marked \"(kernel)\" "
        + "(\"not counted\" where the kernel could not count either).";

    public static IEnumerable<(string Transport, IReadOnlyList<IReadOnlyList<string>> Rows)> SendTables(ResultSet results) =>
        results.Sends.GroupBy(result => result.Transport).OrderBy(group => group.Key).Select(group =>
            (group.Key, (IReadOnlyList<IReadOnlyList<string>>)group
                .OrderBy(result => result.BufferSize).ThenBy(result => result.BufferCount).ThenBy(result => GroupOrder(result.Case.Kind)).ThenBy(result => result.Case.Backend)
                .Select(result => Row(result, results)).ToList()));

    // From the suite's own code, through .NET's, to the bare system call: the order a reader steps down towards the limit,
    // with the Group column's text for each.
    private static readonly (CaseKind Kind, string Name)[] Groups =
        [(CaseKind.Strategy, "guide strategy"), (CaseKind.DotNetApi, ".NET API"), (CaseKind.OsReference, "OS reference")];

    /// <summary>The Group column's text for a send row's kind.</summary>
    public static string GroupOf(CaseKind kind) => Groups.FirstOrDefault(group => group.Kind == kind).Name ?? kind.ToString();

    /// <summary>A row's place among the groups; any other kind comes last.</summary>
    public static int GroupOrder(CaseKind kind) => Array.FindIndex(Groups, group => group.Kind == kind) is >= 0 and var index ? index : Groups.Length;

    /// <summary>Benchmarks that are not sends (echo and any future type): ID and time per operation.</summary>
    public static IReadOnlyList<IReadOnlyList<string>> OtherRows(ResultSet results) =>
        results.Benchmarks.Where(result => !result.IsSend)
            .Select(result => (IReadOnlyList<string>)[result.FullName, Units.Time(result.Interval.Mean), Percentile(result, "P50"), Percentile(result, "P95")])
            .ToList();

    private static IReadOnlyList<string> Row(BenchmarkResult result, ResultSet results)
    {
        int count = result.BufferCount!.Value;
        return
        [
            GroupOf(result.Case.Kind),
            result.Method,
            result.Case.Backend.ToString(),
            SendPath(result),
            Units.Bytes(result.BufferSize!.Value),
            Units.Number(count),
            Units.Time(result.NanosecondsPerBuffer!.Value),
            $"{Units.Time(result.Interval.Lower / count)} – {Units.Time(result.Interval.Upper / count)}",
            Units.Number(result.DeliveredGigabitsPerSecond ?? 0, "0.000"),
            Units.Number(result.BuffersPerSecond ?? 0, "#,0"),
            SendsPerBuffer(result),
            result.Metric(BenchmarkResult.DeliveredPercentMetric) is double delivered ? Units.Number(delivered, "0.00") + " %" : "–",
            LimitsSection.Iperf3Cell(result, results.Limits),
            LimitsSection.ShapeLimitCell(result, results),
        ];
    }

    /// <summary>
    /// The system calls behind the row on the OS that measured it, from the run record; flagged when the counted
    /// sends contradict it, so a label is never printed as if the run had kept its promise.
    /// </summary>
    private static string SendPath(BenchmarkResult result) =>
        result.SendPathContradiction is { } contradiction ? $"MISMATCH: {contradiction}" : result.Case.SendPath;

    /// <summary>
    /// Counted sends per buffer; on a backend that hides its system calls, said to be stream calls; on a row whose sends
    /// are made inside .NET, the kernel's count, said to be one, or "not counted" where the kernel could not count either.
    /// </summary>
    private static string SendsPerBuffer(BenchmarkResult result) =>
        result.Metric(BenchmarkResult.SendsPerBufferMetric) is double sends ? Units.Number(sends, "0.000") + (result.Case.Counts == CountedCalls.StreamCalls ? " stream calls" : "")
        : result.Metric(BenchmarkResult.KernelSendsPerBufferMetric) is double kernel ? Units.Number(kernel, "0.000") + " (kernel)"
        : result.Case.Counts == CountedCalls.NotCounted ? "not counted" : "–";

    private static string Percentile(BenchmarkResult result, string name) =>
        result.Percentiles.TryGetValue(name, out double value) ? Units.Time(value) : "–";
}
