using System.Text;

namespace SocketBench.Reporting.Writers;

/// <summary>GitHub-flavoured Markdown tables; pipes in cells are escaped.</summary>
public static class MarkdownTable
{
    public static void Append(StringBuilder text, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, IReadOnlyList<bool>? rightAligned = null)
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
