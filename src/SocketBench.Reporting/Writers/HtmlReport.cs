using System.Net;
using System.Text;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Writers;

/// <summary>One self-contained <c>index.html</c>: the SVG charts inline, the tables, no external files or scripts.</summary>
public static class HtmlReport
{
    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; max-width: 1100px; margin: 2em auto; color: #222; }
        table { border-collapse: collapse; margin: 1em 0; font-size: 0.9em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.6em; text-align: right; }
        th:first-child, td:first-child { text-align: left; }
        figure { margin: 2em 0; } figcaption { color: #555; } svg { max-width: 100%; height: auto; }
        """;

    public static string Render(ResultSet results, IReadOnlyList<SavedChart> charts)
    {
        var html = new StringBuilder();
        html.AppendLine("<!DOCTYPE html>").AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\"><title>SocketBench report</title>");
        html.AppendLine($"<style>{Style}</style></head><body>");
        html.AppendLine("<h1>SocketBench report</h1>");
        html.AppendLine($"<p>{Encode(results.Caption)}<br>{Encode(results.PeerLine)}<br>{Encode(MarkdownReport.MeasuredWith(results.Settings))}<br>{Encode(MarkdownReport.KernelCounts(results))}<br>{results.Benchmarks.Count} benchmarks. One operation sends one batch of BufferCount buffers; its time includes delivery. Gbit/s counts delivered bytes only.</p>");
        foreach (string warning in results.Warnings)
        {
            html.AppendLine($"<p><strong>Warning:</strong> {Encode(warning)}</p>");
        }

        html.AppendLine("<h2>Charts</h2>");
        foreach (var saved in charts)
        {
            html.AppendLine($"<figure id=\"{saved.Chart.FileStem}\">");
            html.AppendLine(InlineSvg(saved.Svg));
            html.AppendLine($"<figcaption>{Encode(saved.Chart.HowToRead)}</figcaption></figure>");
        }

        AppendLimits(html, LimitsSection.Build(results));
        html.AppendLine("<h2>Results</h2>");
        if (results.Sends.Any())
        {
            // The note marks emphasis with ** for Markdown; HTML shows it plain.
            html.AppendLine($"<p>{Encode(ResultTable.GroupNote.Replace("**", "", StringComparison.Ordinal))}</p>");
        }

        foreach (var (transport, rows) in ResultTable.SendTables(results))
        {
            html.AppendLine($"<h3>{Encode(transport)}</h3>");
            if (TransportLabels.Note(transport) is { } note)
            {
                html.AppendLine($"<p>{Encode(note)}</p>");
            }

            AppendTable(html, ResultTable.Header, rows);
        }

        var others = ResultTable.OtherRows(results);
        if (others.Count > 0)
        {
            html.AppendLine("<h3>Other benchmarks</h3>");
            AppendTable(html, ["Benchmark", "Mean/op", "p50", "p95"], others);
        }

        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void AppendLimits(StringBuilder html, LimitsSection section)
    {
        html.AppendLine($"<h2>{LimitsSection.Title}</h2>");
        foreach (string paragraph in section.Intro.Concat(section.Targets))
        {
            // The section's prose marks code with backticks and emphasis with ** for Markdown; HTML shows it plain.
            html.AppendLine($"<p>{Encode(paragraph.Replace("`", "", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal))}</p>");
        }

        if (section.Runs.Count > 0)
        {
            AppendTable(html, LimitsSection.RunHeader, section.Runs);
        }

        if (section.BestPerShape.Count > 0)
        {
            AppendTable(html, LimitsSection.BestHeader, section.BestPerShape);
        }
    }

    private static string InlineSvg(string path)
    {
        string svg = File.ReadAllText(path);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        return start >= 0 ? svg[start..] : svg;
    }

    private static void AppendTable(StringBuilder html, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        html.Append("<table><tr>").AppendJoin("", header.Select(cell => $"<th>{Encode(cell)}</th>")).AppendLine("</tr>");
        foreach (var row in rows)
        {
            html.Append("<tr>").AppendJoin("", row.Select(cell => $"<td>{Encode(cell)}</td>")).AppendLine("</tr>");
        }

        html.AppendLine("</table>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
