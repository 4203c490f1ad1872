namespace SocketBench.Reporting.Writers;

/// <summary>What a report run wrote.</summary>
public sealed record ReportOutput(string Directory, string Markdown, string Html, IReadOnlyList<string> ChartFiles);
