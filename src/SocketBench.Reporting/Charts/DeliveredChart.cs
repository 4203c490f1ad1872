using ScottPlot;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>UDP delivered ratio: bars per method for every batch shape.</summary>
public sealed class DeliveredChart : IChartBuilder
{
    public IEnumerable<Chart> Build(ResultSet results)
    {
        var udp = results.Sends.Where(result => result.Transport == "UDP" && result.Metric(BenchmarkResult.DeliveredPercentMetric) is not null).ToList();
        if (udp.Count == 0)
        {
            yield break;
        }

        var methods = ChartStyle.MethodsOf(udp);
        var shapes = udp.Select(result => (result.BufferSize!.Value, result.BufferCount!.Value)).Distinct().Order().ToList();
        const string title = "UDP: share of datagrams delivered";
        // Loss is usually a few percent at most: start the axis just below the lowest bar so it shows.
        double lowest = Math.Min(95, Math.Floor(udp.Min(result => result.Metric(BenchmarkResult.DeliveredPercentMetric)!.Value)) - 1);
        var plot = ChartStyle.Create(title, "Batch shape (BufferSize × BufferCount)", $"Delivered (% of bytes sent; axis from {lowest:0} %)", results.Caption);
        double width = 0.8 / methods.Count;
        foreach (var (method, methodIndex) in methods.Select((method, index) => (method, index)))
        {
            var bars = udp.Where(result => result.Series == method).Select(result => new Bar
            {
                Position = shapes.IndexOf((result.BufferSize!.Value, result.BufferCount!.Value)) - 0.4 + width * (methodIndex + 0.5),
                Value = result.Metric(BenchmarkResult.DeliveredPercentMetric)!.Value,
                Size = width * 0.95,
                FillColor = ChartStyle.ColorAt(methodIndex),
            }).ToList();
            plot.Add.Bars(bars).LegendText = method;
        }

        ChartStyle.CategoryTicks(plot.Axes.Bottom, shapes.Select((_, index) => (double)index).ToList(), shapes.Select(shape => $"{Units.Bytes(shape.Item1)}\n× {shape.Item2}").ToList());
        plot.Axes.SetLimitsY(lowest, 100 + (100 - lowest) * 0.2);
        plot.Legend.Alignment = Alignment.UpperCenter;
        plot.Legend.Orientation = Orientation.Horizontal;
        yield return new Chart(
            "delivered-udp",
            title,
            "Bytes the receiver counted as a percentage of bytes sent. Below 100 % the kernel dropped datagrams (receive buffer full); throughput counts only what arrived.",
            plot);
    }
}
