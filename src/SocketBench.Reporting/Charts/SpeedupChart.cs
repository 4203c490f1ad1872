using ScottPlot;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>
/// Speedup of each method over its benchmark's baseline, PerBufferAwait (same backend, transport and batch
/// shape), against BufferCount on a log axis, one chart per transport and buffer size.
/// </summary>
public sealed class SpeedupChart : IChartBuilder
{
    public IEnumerable<Chart> Build(ResultSet results)
    {
        var methods = ChartStyle.MethodsOf(results.Sends);
        foreach (var group in results.Sends.GroupBy(result => (result.Transport, Size: result.BufferSize!.Value)).OrderBy(group => group.Key))
        {
            var reference = group.Where(result => result.Case.IsBaseline)
                .ToDictionary(result => (result.Case.Backend, result.BufferCount!.Value), result => result.Interval.Mean);
            if (reference.Count == 0)
            {
                continue;
            }

            string baselineMethod = group.First(result => result.Case.IsBaseline).Method;

            string title = $"{group.Key.Transport}, {Units.Bytes(group.Key.Size)} buffers: speedup over one awaited send per buffer";
            var plot = ChartStyle.Create(title, "Buffers per batch (BufferCount, log scale)", $"Speedup over {baselineMethod} (×, higher is better)", results.Caption);
            // Solid lines only: Skia's SVG backend cannot draw dash patterns.
            double highest = 1;
            var baseline = plot.Add.HorizontalLine(1, 2f, Colors.Gray);
            baseline.LegendText = $"{baselineMethod} (= 1×)";
            foreach (string method in methods.Where(method => group.Any(result => result.Series == method && !result.Case.IsBaseline)))
            {
                var points = group
                    .Where(result => result.Series == method && reference.ContainsKey((result.Case.Backend, result.BufferCount!.Value)))
                    .OrderBy(result => result.BufferCount)
                    .Select(result => (X: Math.Log10(result.BufferCount!.Value), Y: reference[(result.Case.Backend, result.BufferCount!.Value)] / result.Interval.Mean))
                    .ToList();
                var line = plot.Add.Scatter(points.Select(point => point.X).ToArray(), points.Select(point => point.Y).ToArray(), ChartStyle.ColorOf(method, methods));
                line.LineWidth = 2;
                line.MarkerSize = 8;
                line.LegendText = method;
                highest = Math.Max(highest, points.Max(point => point.Y));
            }

            ChartStyle.LogTicks(plot.Axes.Bottom, group.Select(result => (double)result.BufferCount!.Value), ChartStyle.Number);
            plot.Axes.SetLimitsY(0, highest * 1.1);
            yield return new Chart(
                $"speedup-{TransportLabels.FileKey(group.Key.Transport)}-{group.Key.Size}",
                title,
                $"How many times faster than {baselineMethod} each method sends a batch of the same shape (ratio of mean times). Above the grey 1× line is a gain.",
                plot);
        }
    }
}
