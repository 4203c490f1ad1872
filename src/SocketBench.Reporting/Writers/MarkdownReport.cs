using System.Globalization;
using System.Text;
using SocketBench.Reporting.Charts;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>
/// Writes a report folder: <c>charts/*.png</c> and <c>*.svg</c>, and the GitHub-flavoured <c>report.md</c> (where the results
/// come from, the charts with how to read them, then the tables) with a self-contained <c>index.html</c> rendered from it.
/// </summary>
public static class MarkdownReport
{
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "index.html";

    /// <summary>Builds and writes everything, returning the charts saved; <paramref name="progress"/> hears each step with the fraction done.</summary>
    public static IReadOnlyList<SavedChart> Write(ResultSet results, string directory, Action<string, double>? progress = null)
    {
        string chartDirectory = Path.Combine(directory, "charts");
        Array.ForEach([.. Directory.CreateDirectory(chartDirectory).EnumerateFiles().Where(file => file.Extension is ".png" or ".svg")], stale => stale.Delete());

        progress?.Invoke("Building charts", 0);
        var charts = ReportCharts.All.SelectMany(build => build(results)).ToList();
        var saved = charts.Select((chart, index) =>
        {
            progress?.Invoke($"Rendering {chart.FileStem}", 0.1 + 0.8 * index / Math.Max(1, charts.Count));
            return ChartStyle.Save(chart, chartDirectory);
        }).ToList();

        progress?.Invoke("Writing report.md and index.html", 0.9);
        string text = MarkdownReport.Render(results, saved, directory);
        File.WriteAllText(Path.Combine(directory, MarkdownFile), text);
        File.WriteAllText(Path.Combine(directory, HtmlFile), HtmlReport.Render(text, saved, directory));
        progress?.Invoke("Done", 1);
        return saved;
    }

    public static string Render(ResultSet results, IReadOnlyList<SavedChart> charts, string reportDirectory)
    {
        var text = new StringBuilder();
        text.AppendLine("# SocketBench report").AppendLine();
        text.AppendLine($"- Machine: {results.Host.ProcessorName}, {results.Host.LogicalCoreCount} logical cores, {results.Host.OsVersion}, {results.Host.Architecture}");
        text.AppendLine($"- Runtime: {results.Host.RuntimeVersion}, BenchmarkDotNet {results.Host.BenchmarkDotNetVersion}");
        text.AppendLine($"- Job: {string.Join(", ", results.Jobs)}; {results.Benchmarks.Count} benchmarks from {string.Join(", ", results.Files.Select(Path.GetFileName))}");
        text.AppendLine($"- {Core.Peers.PeerRoundTrip.Describe(results.Peer)}");
        text.AppendLine($"- {MeasuredWith(results.Settings)}");
        text.AppendLine($"- {KernelCounts(results)}");
        text.AppendLine("- One operation sends one batch of BufferCount buffers; its time includes delivery to the receiver. Gbit/s counts delivered bytes only.");
        text.AppendLine();
        AppendWarnings(text, results.Warnings);

        AppendParagraphs(text, ["## Charts", .. charts.SelectMany(saved => new[]
        {
            $"### {saved.Chart.Title}",
            $"![{saved.Chart.Title}]({RelativeUrl(reportDirectory, saved.Png)})",
            $"{saved.Chart.HowToRead} ([SVG]({RelativeUrl(reportDirectory, saved.Svg)}))",
        })]);

        LimitsSection.Append(text, results);
        AppendParagraphs(text, results.Sends.Any() ? ["## Results", ResultTable.GroupNote] : ["## Results"]);

        bool[] rightAligned = [false, false, false, false, true, true, true, true, true, true, true, true, true, true];
        foreach (var (transport, rows) in ResultTable.SendTables(results))
        {
            AppendParagraphs(text, TransportLabels.Note(transport) is { } note ? [$"### {transport}", note] : [$"### {transport}"]);
            AppendTable(text, ResultTable.Header, rows, rightAligned);
        }

        var others = ResultTable.OtherRows(results);
        if (others.Count > 0)
        {
            text.AppendLine("### Other benchmarks").AppendLine();
            AppendTable(text, ["Benchmark", "Mean/op", "p50", "p95"], others, [false, true, true, true]);
        }

        return text.ToString();
    }

    /// <summary>The link the report uses for a chart file: relative to the report folder, with forward slashes.</summary>
    public static string RelativeUrl(string reportDirectory, string path) => Path.GetRelativePath(reportDirectory, path).Replace('\\', '/');

    /// <summary>How the run measured, in words: the receiver setting changes what a row includes, a runtime knob which code ran.</summary>
    private static string MeasuredWith(Core.Cases.RunSettings? settings)
    {
        if (settings is null)
        {
            return "Measured with: not recorded (results from before the run record).";
        }

        string receiver = settings.Receiver switch
        {
            "inline" => "no receiver thread: the benchmark thread on CPU 0 reads what arrived after every 64 KiB sent (no receiver wake-up, no hand-off to another CPU; the reads are in the measured time)",
            Core.Cases.RunSettings.RemoteReceiver => "the receiver was the --peer's sink on another host; this host only sent",
            "spin" => "receiver pinned to the last CPU and polling, benchmark thread on CPU 0 (no receiver wake-up in the measured time)",
            _ => "blocking receiver, threads placed by the scheduler (each send may pay for waking the receiver)",
        };
        string runtime = settings.RuntimeKnobs.Count == 0
            ? ".NET as users run it (tiered compilation and PGO on)"
            : $"runtime settings {string.Join(", ", settings.RuntimeKnobs.Select(pair => $"{pair.Key}={pair.Value}"))}: different code runs than in a user's process";
        string fault = settings.TestFault is null ? "" : $"; TEST FAULT '{settings.TestFault}' switched on: a deliberately broken build";
        return $"Measured with: {receiver}; {runtime}{fault}.";
    }

    /// <summary>Whether the code's send counts were checked against the kernel's, and on how many rows they agree.</summary>
    private static string KernelCounts(ResultSet results)
    {
        var sends = results.Sends.ToList();
        var kernel = sends.Where(row => row.Metric(BenchmarkResult.KernelSendsPerBufferMetric) is not null).ToList();
        if (kernel.Count == 0)
        {
            return results.Settings?.KernelSendCounts is { } state && state != "on"
                ? $"Sends/buffer counted by the code only; kernel count {state}."
                : "Sends/buffer counted by the code only; these results carry no kernel count.";
        }

        var both = kernel.Where(row => row.Metric(BenchmarkResult.SendsPerBufferMetric) is not null).ToList();
        int agree = both.Count(row => Math.Abs(row.Metric(BenchmarkResult.SendsPerBufferMetric)!.Value - row.Metric(BenchmarkResult.KernelSendsPerBufferMetric)!.Value) < 1e-9);
        string disagree = agree == both.Count ? "" : $" ({both.Count - agree} DISAGREE)";
        string kernelOnly = kernel.Count > both.Count ? $"; {kernel.Count - both.Count} rows whose sends happen inside .NET have the kernel's count only" : "";
        string none = sends.Count > kernel.Count ? $"; {sends.Count - kernel.Count} rows have no kernel count (e.g. WinRT, which hides its system calls)" : "";
        return string.Create(CultureInfo.InvariantCulture,
            $"Sends/buffer checked against the kernel's own count (syscall tracepoints on the sending socket, every thread, over each case's first, unmeasured invocation): equal on {agree} of {both.Count} rows{disagree}{kernelOnly}{none}.");
    }

    /// <summary>Each warning as a quoted paragraph, the way the report and the comparison both show them.</summary>
    public static void AppendWarnings(StringBuilder text, IEnumerable<string> warnings) =>
        AppendParagraphs(text, warnings.Select(warning => $"> **Warning:** {warning}"));

    /// <summary>Each text as a paragraph of its own, followed by a blank line.</summary>
    public static void AppendParagraphs(StringBuilder text, IEnumerable<string> paragraphs)
    {
        foreach (string paragraph in paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }
    }

    /// <summary>A bulleted list of one or more items, one a line, as a paragraph.</summary>
    public static void AppendList(StringBuilder text, IEnumerable<string> items) =>
        AppendParagraphs(text, [string.Join(Environment.NewLine, items.Select(item => $"- {item}"))]);

    /// <summary>A GitHub-flavoured Markdown table; pipes in cells are escaped.</summary>
    public static void AppendTable(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool>? rightAligned = null)
    {
        text.Append("| ").AppendJoin(" | ", header.Select(Escape)).AppendLine(" |");
        text.Append('|').AppendJoin('|', header.Select((_, index) => rightAligned is not null && index < rightAligned.Count && rightAligned[index] ? "---:" : "---")).AppendLine("|");
        foreach (var row in rows)
        {
            text.Append("| ").AppendJoin(" | ", row.Select(Escape)).AppendLine(" |");
        }

        text.AppendLine();
    }

    private static string Escape(string cell) => cell.Replace("|", "\\|", StringComparison.Ordinal).ReplaceLineEndings(" ");
}

/// <summary>A chart with the paths it was saved to.</summary>
public sealed record SavedChart(Chart Chart, string Png, string Svg);
