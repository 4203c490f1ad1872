using ScottPlot;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>Round-trip latency percentiles of the echo benchmarks; drawn only when echo results are present.</summary>
public sealed class LatencyChart : IChartBuilder
{
    private static readonly string[] Percentiles = ["P50", "P90", "P95", "P100"];

    public IEnumerable<Chart> Build(ResultSet results)
    {
        var echo = results.Benchmarks.Where(result => result.IsEcho && result.Percentiles.Count > 0).ToList();
        if (echo.Count == 0)
        {
            yield break;
        }

        const string title = "Echo: round-trip latency percentiles";
        var plot = ChartStyle.Create(title, "Echo benchmark", "Round-trip time per operation (µs, lower is better)", results.Caption);
        double width = 0.8 / Percentiles.Length;
        foreach (var (percentile, index) in Percentiles.Select((percentile, index) => (percentile, index)))
        {
            var bars = echo.Select((result, position) => new Bar
            {
                Position = position - 0.4 + width * (index + 0.5),
                Value = result.Percentiles.GetValueOrDefault(percentile) / 1000,
                Size = width * 0.95,
                FillColor = ChartStyle.ColorAt(index),
            }).ToList();
            plot.Add.Bars(bars).LegendText = percentile == "P100" ? "max" : percentile.Replace("P", "p", StringComparison.Ordinal);
        }

        ChartStyle.CategoryTicks(
            plot.Axes.Bottom,
            echo.Select((_, index) => (double)index).ToList(),
            echo.Select(result => $"{result.Transport} {result.Method}\n{result.ShapeLabel}").ToList());
        plot.Axes.Margins(bottom: 0);
        yield return new Chart(
            "latency-echo",
            title,
            "Percentiles of the measured time per operation of each echo benchmark (one operation = one round trip): the median, the 90th and 95th percentiles and the slowest iteration.",
            plot);
    }
}
