using SocketBench.Reporting.Charts;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>
/// Writes a report folder: <c>charts/*.png</c> and <c>*.svg</c>, <c>report.md</c> with the charts
/// embedded, and a self-contained <c>index.html</c> rendered from that Markdown (SVG inline, no external files).
/// </summary>
public static class ReportWriter
{
    public const string MarkdownFile = "report.md";
    public const string HtmlFile = "index.html";

    /// <summary>Builds and writes everything, returning the charts saved; <paramref name="progress"/> hears each step with the fraction done.</summary>
    public static IReadOnlyList<SavedChart> Write(ResultSet results, string directory, Action<string, double>? progress = null)
    {
        string chartDirectory = Path.Combine(directory, "charts");
        Directory.CreateDirectory(chartDirectory);
        foreach (string stale in Directory.EnumerateFiles(chartDirectory, "*.*").Where(file => file.EndsWith(".png", StringComparison.Ordinal) || file.EndsWith(".svg", StringComparison.Ordinal)))
        {
            File.Delete(stale);
        }

        progress?.Invoke("Building charts", 0);
        var charts = ReportCharts.All.SelectMany(build => build(results)).ToList();
        var saved = new List<SavedChart>();
        foreach (var (chart, index) in charts.Select((chart, index) => (chart, index)))
        {
            progress?.Invoke($"Rendering {chart.FileStem}", 0.1 + 0.8 * index / Math.Max(1, charts.Count));
            var (png, svg) = ChartStyle.Save(chart, chartDirectory);
            saved.Add(new SavedChart(chart, png, svg));
        }

        progress?.Invoke("Writing report.md and index.html", 0.9);
        string text = MarkdownReport.Render(results, saved, directory);
        File.WriteAllText(Path.Combine(directory, MarkdownFile), text);
        File.WriteAllText(Path.Combine(directory, HtmlFile), HtmlReport.Render(text, saved, directory));
        progress?.Invoke("Done", 1);
        return saved;
    }
}

/// <summary>A chart with the paths it was saved to.</summary>
public sealed record SavedChart(Chart Chart, string Png, string Svg);
