using System.Net;
using System.Text.RegularExpressions;

namespace SocketBench.Reporting.Tests;

/// <summary>
/// What index.html gives a reader: everything report.md says (headings, the lines about the run, warnings,
/// every table cell for cell), each chart drawn inline, and nothing loaded from outside the file.
/// </summary>
internal static partial class IndexHtml
{
    /// <summary>Checks the report folder's index.html against its report.md and returns the HTML.</summary>
    public static string AssertShowsReport(string reportFolder)
    {
        string markdown = File.ReadAllText(Path.Combine(reportFolder, "report.md"));
        string html = File.ReadAllText(Path.Combine(reportFolder, "index.html"));

        // Self-contained: no image, script or stylesheet comes from another file.
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);

        // Every chart is in the page as its SVG drawing, once.
        var svgs = Directory.GetFiles(Path.Combine(reportFolder, "charts"), "*.svg");
        Assert.NotEmpty(svgs);
        Assert.Equal(svgs.Length, Regex.Count(html, "<svg[ >]"));
        foreach (string svg in svgs)
        {
            string drawing = File.ReadAllText(svg);
            Assert.Contains(drawing[drawing.IndexOf("<svg", StringComparison.Ordinal)..].TrimEnd(), html, StringComparison.Ordinal);
        }

        Assert.Equal(MarkdownHeadings(markdown), HtmlHeadings(html));
        Assert.Equal(MarkdownRunLines(markdown), FirstListItems(html));
        Assert.Equal(markdown.Split('\n').Where(line => line.StartsWith("> ", StringComparison.Ordinal)).Select(line => FromMarkdown(line[2..])), Blocks(html, "blockquote"));
        var tables = MarkdownTables(markdown);
        Assert.NotEmpty(tables);
        Assert.Equal(tables, HtmlTables(html));
        return html;
    }

    /// <summary>The HTML tables of a page as rows of plain cell text, header row first.</summary>
    public static List<List<List<string>>> HtmlTables(string html) =>
        Blocks(html, "table", plain: false).Select(table => Blocks(table, "tr", plain: false).Select(row => CellPattern().Matches(row).Select(cell => FromHtml(cell.Groups[1].Value)).ToList()).ToList()).ToList();

    private static List<List<List<string>>> MarkdownTables(string markdown)
    {
        var tables = new List<List<List<string>>>();
        List<List<string>>? current = null;
        int lineInTable = 0;
        foreach (string line in markdown.Split('\n').Select(line => line.TrimEnd('\r')))
        {
            if (!line.StartsWith('|'))
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                tables.Add(current = []);
                lineInTable = 0;
            }

            if (lineInTable++ == 1)
            {
                continue; // the |---|---:| alignment row
            }

            current.Add(PipePattern().Split(line.Trim()[1..^1]).Select(cell => FromMarkdown(cell.Trim())).ToList());
        }

        return tables;
    }

    private static List<string> MarkdownHeadings(string markdown) =>
        markdown.Split('\n').Select(line => HeadingLinePattern().Match(line.TrimEnd('\r'))).Where(match => match.Success).Select(match => FromMarkdown(match.Groups[1].Value)).ToList();

    private static List<string> HtmlHeadings(string html) =>
        HeadingPattern().Matches(html).Select(match => FromHtml(match.Groups[1].Value)).ToList();

    // The "- Machine: …" lines above the first section.
    private static List<string> MarkdownRunLines(string markdown) =>
        markdown[..markdown.IndexOf("\n## ", StringComparison.Ordinal)].Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => FromMarkdown(line[2..])).ToList();

    private static List<string> FirstListItems(string html) => Blocks(Blocks(html, "ul", plain: false)[0], "li");

    private static List<string> Blocks(string html, string tag, bool plain = true) =>
        Regex.Matches(html, $"<{tag}(?: [^>]*)?>(.*?)</{tag}>", RegexOptions.Singleline).Select(match => plain ? FromHtml(match.Groups[1].Value) : match.Groups[1].Value).ToList();

    private static string FromHtml(string html) => WebUtility.HtmlDecode(TagPattern().Replace(html, "")).Trim();

    private static string FromMarkdown(string text) => text.Replace("\\|", "|", StringComparison.Ordinal).Replace("**", "", StringComparison.Ordinal).Replace("`", "", StringComparison.Ordinal).Trim();

    [GeneratedRegex("<t[hd](?: [^>]*)?>(.*?)</t[hd]>", RegexOptions.Singleline)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex PipePattern();

    [GeneratedRegex("^#{1,3} (.*)$")]
    private static partial Regex HeadingLinePattern();

    [GeneratedRegex("<h[1-3](?: [^>]*)?>(.*?)</h[1-3]>", RegexOptions.Singleline)]
    private static partial Regex HeadingPattern();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex TagPattern();
}
