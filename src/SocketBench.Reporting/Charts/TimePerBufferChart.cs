using ScottPlot;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>Time per buffer for each method, grouped by BufferCount: one chart per transport and buffer size, with the confidence interval as error bars.</summary>
public sealed class TimePerBufferChart : IChartBuilder
{
    public IEnumerable<Chart> Build(ResultSet results)
    {
        var methods = ChartStyle.MethodsOf(results.Sends);
        foreach (var group in results.Sends.GroupBy(result => (result.Transport, Size: result.BufferSize!.Value)).OrderBy(group => group.Key))
        {
            var counts = group.Select(result => result.BufferCount!.Value).Distinct().Order().ToList();
            var groupMethods = methods.Where(method => group.Any(result => result.Series == method)).ToList();
            string title = $"{group.Key.Transport}: time per {Units.Bytes(group.Key.Size)} buffer by strategy";
            var plot = ChartStyle.Create(title, "Buffers per batch (BufferCount)", "Time per buffer (µs, lower is better)", results.Caption);
            double width = 0.8 / groupMethods.Count;
            foreach (var (method, methodIndex) in groupMethods.Select((method, index) => (method, index)))
            {
                var bars = new List<Bar>();
                var positions = new List<double>();
                var values = new List<double>();
                var errorHigh = new List<double>();
                var errorLow = new List<double>();
                foreach (var result in group.Where(result => result.Series == method))
                {
                    double count = result.BufferCount!.Value;
                    double position = counts.IndexOf(result.BufferCount.Value) - 0.4 + width * (methodIndex + 0.5);
                    double value = result.Interval.Mean / count / 1000;
                    bars.Add(new Bar { Position = position, Value = value, Size = width * 0.95, FillColor = ChartStyle.ColorOf(method, methods) });
                    positions.Add(position);
                    values.Add(value);
                    errorHigh.Add(result.Interval.Upper / count / 1000 - value);
                    errorLow.Add(value - result.Interval.Lower / count / 1000);
                }

                var barPlot = plot.Add.Bars(bars);
                barPlot.LegendText = method;
                var errors = plot.Add.ErrorBar(positions, values, errorHigh);
                errors.YErrorNegative = errorLow;
                errors.Color = Colors.Black;
            }

            ChartStyle.CategoryTicks(plot.Axes.Bottom, counts.Select((_, index) => (double)index).ToList(), counts.Select(count => $"× {count}").ToList());
            plot.Axes.Margins(bottom: 0);
            // Beside the bars, not over them: with the .NET API rows a group has up to ten bars.
            plot.ShowLegend(Edge.Right);
            yield return new Chart(
                $"time-per-buffer-{TransportLabels.FileKey(group.Key.Transport)}-{group.Key.Size}",
                title,
                "Each bar is the mean time to send one buffer, delivery included; black whiskers are the 99.9 % confidence interval. Lower is better.",
                plot);
        }
    }
}
