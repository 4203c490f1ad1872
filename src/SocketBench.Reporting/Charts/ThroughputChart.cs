using ScottPlot;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>Delivered Gbit/s against BufferSize for each method at the largest BufferCount, one chart per transport.</summary>
public sealed class ThroughputChart : IChartBuilder
{
    public IEnumerable<Chart> Build(ResultSet results)
    {
        var methods = ChartStyle.MethodsOf(results.Sends);
        foreach (var transport in results.Sends.GroupBy(result => result.Transport).OrderBy(group => group.Key))
        {
            int count = transport.Max(result => result.BufferCount!.Value);
            var cases = transport.Where(result => result.BufferCount == count).ToList();
            string title = $"{transport.Key}: delivered throughput by buffer size ({count} buffers per batch)";
            var plot = ChartStyle.Create(title, "Buffer size (BufferSize, log scale)", "Delivered throughput (Gbit/s, higher is better)", results.Caption);
            foreach (string method in methods.Where(method => cases.Any(result => result.Series == method)))
            {
                var points = cases.Where(result => result.Series == method).OrderBy(result => result.BufferSize).ToList();
                var line = plot.Add.Scatter(
                    points.Select(result => Math.Log10(result.BufferSize!.Value)).ToArray(),
                    points.Select(result => result.DeliveredGigabitsPerSecond ?? 0).ToArray(),
                    ChartStyle.ColorOf(method, methods));
                line.LineWidth = 2;
                line.MarkerSize = 8;
                line.LegendText = method;
            }

            ChartStyle.LogTicks(plot.Axes.Bottom, cases.Select(result => (double)result.BufferSize!.Value), value => Units.Bytes((int)value));
            plot.Axes.SetLimitsY(0, Math.Max(0.001, cases.Max(result => result.DeliveredGigabitsPerSecond ?? 0)) * 1.1);
            yield return new Chart(
                $"throughput-{TransportLabels.FileKey(transport.Key)}",
                title,
                "Bytes the receiver got per second, in Gbit/s: lost datagrams do not count. Each line is a method; larger buffers amortise the per-send cost.",
                plot);
        }
    }
}
