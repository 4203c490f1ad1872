using ScottPlot;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>Send system calls per buffer against BufferCount (both log scale), one chart per transport, with the one-send-per-batch ideal as a reference line.</summary>
public sealed class SendsPerBufferChart : IChartBuilder
{
    public IEnumerable<Chart> Build(ResultSet results)
    {
        var methods = ChartStyle.MethodsOf(results.Sends);
        foreach (var transport in results.Sends.GroupBy(result => result.Transport).OrderBy(group => group.Key))
        {
            var withMetric = transport.Where(result => result.CountedSendsPerBuffer is > 0).ToList();
            if (withMetric.Count == 0)
            {
                continue;
            }

            int size = withMetric.Min(result => result.BufferSize!.Value);
            var cases = withMetric.Where(result => result.BufferSize == size).ToList();
            string title = $"{transport.Key}: send system calls per buffer ({Units.Bytes(size)} buffers)";
            var plot = ChartStyle.Create(title, "Buffers per batch (BufferCount, log scale)", "Send system calls per buffer (log scale, lower is better)", results.Caption);
            var counts = cases.Select(result => (double)result.BufferCount!.Value).Distinct().Order().ToArray();
            var ideal = plot.Add.Scatter(counts.Select(Math.Log10).ToArray(), counts.Select(count => -Math.Log10(count)).ToArray(), Colors.Gray);
            ideal.LineWidth = 6;
            ideal.LineColor = Colors.Gray.WithAlpha(0.4);
            ideal.MarkerSize = 0;
            ideal.LegendText = "one send per batch (1 / BufferCount)";
            foreach (var (method, index) in methods.Where(method => cases.Any(result => result.Series == method)).Select((method, index) => (method, index)))
            {
                var points = cases.Where(result => result.Series == method).OrderBy(result => result.BufferCount).ToList();
                var line = plot.Add.Scatter(
                    points.Select(result => Math.Log10(result.BufferCount!.Value)).ToArray(),
                    points.Select(result => Math.Log10(result.CountedSendsPerBuffer!.Value)).ToArray(),
                    ChartStyle.ColorOf(method, methods));
                line.LineWidth = 2;
                // Methods often coincide (1 send per buffer, or 1 per batch): distinct markers keep each visible.
                line.MarkerShape = (MarkerShape)(1 + index % 8);
                line.MarkerSize = 10 - index;
                line.LegendText = method;
            }

            // Methods often share a line (one send per buffer, or one per batch): name them at its right end.
            foreach (var end in cases.Where(result => result.BufferCount == (int)counts.Max())
                .GroupBy(result => Math.Round(Math.Log10(result.CountedSendsPerBuffer!.Value), 1)))
            {
                var label = plot.Add.Text(string.Join("\n", end.Select(result => result.Series)), Math.Log10(counts.Max()), end.Key);
                label.LabelFontSize = 12;
                label.LabelAlignment = Alignment.MiddleRight;
                label.OffsetX = -14;
                label.OffsetY = end.Key > -0.5 ? 4 : -4;
                label.LabelAlignment = end.Key > -0.5 ? Alignment.UpperRight : Alignment.LowerRight;
            }

            ChartStyle.LogTicks(plot.Axes.Bottom, counts, ChartStyle.Number);
            ChartStyle.LogDecadeTicks(
                plot.Axes.Left,
                cases.Select(result => result.CountedSendsPerBuffer!.Value).Append(1.0 / counts.Max()).Append(1),
                ChartStyle.Number);
            plot.Legend.Alignment = Alignment.LowerLeft;
            yield return new Chart(
                $"sends-per-buffer-{TransportLabels.FileKey(transport.Key)}",
                title,
                "How many send system calls each buffer cost, counted by the backend: 1 is one kernel transition per buffer, the wide grey line is one per batch."
                + (cases.Any(result => result.Case.Counts == CountedCalls.StreamCalls) ? " WinRT series count WriteAsync and FlushAsync calls instead: WinRT does not show its system calls." : "")
                + (transport.Any(result => result.Case.Counts == CountedCalls.NotCounted) ? " .NET API rows send inside .NET: theirs are the kernel's count (drawn only where the kernel counted)." : ""),
                plot);
        }
    }
}
