using ScottPlot;

namespace SocketBench.Reporting.Charts;

/// <summary>A built chart: the file name it is saved under (without extension), what it shows in one sentence, and the plot.</summary>
public sealed record Chart(string FileStem, string Title, string HowToRead, Plot Plot);
