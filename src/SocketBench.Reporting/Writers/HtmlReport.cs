using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace SocketBench.Reporting.Writers;

/// <summary>
/// One self-contained <c>index.html</c>: <c>report.md</c> rendered with Markdig (pipe tables included), each chart's
/// PNG reference replaced by its SVG inline, a small inline stylesheet, no external files or scripts.
/// </summary>
public static class HtmlReport
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; }
        th { background: #f3f3f3; } tbody tr:nth-child(even) { background: #fafafa; }
        blockquote { margin: 1em 0; padding: 0.5em 1em; border-left: 4px solid #c60; background: #fff6ee; }
        code { background: #f3f3f3; padding: 0 0.2em; } svg { max-width: 100%; height: auto; }
        """;

    /// <summary>The HTML page of <paramref name="markdown"/>, which refers to <paramref name="charts"/> relative to <paramref name="reportDirectory"/>.</summary>
    public static string Render(string markdown, IReadOnlyList<SavedChart> charts, string reportDirectory)
    {
        var svgByPng = charts.ToDictionary(saved => MarkdownReport.RelativeUrl(reportDirectory, saved.Png), saved => saved.Svg, StringComparer.Ordinal);
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage && link.Url is not null && svgByPng.ContainsKey(link.Url)).ToList())
        {
            image.ReplaceBy(new HtmlInline(InlineSvg(svgByPng[image.Url!])), copyChildren: false);
        }

        return $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>SocketBench report</title>
            <style>
            {Style}
            </style></head><body>
            {Markdown.ToHtml(document, Pipeline)}</body></html>

            """;
    }

    /// <summary>The SVG element of a chart file, without the XML declaration before it.</summary>
    private static string InlineSvg(string path)
    {
        string svg = File.ReadAllText(path);
        return svg[Math.Max(0, svg.IndexOf("<svg", StringComparison.Ordinal))..];
    }
}
