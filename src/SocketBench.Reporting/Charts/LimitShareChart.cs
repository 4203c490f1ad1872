using ScottPlot;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Writers;

namespace SocketBench.Reporting.Charts;

/// <summary>Each strategy's share of the loopback limit (÷ iperf3 at the same bytes per send call) per batch shape; drawn only when limits were measured.</summary>
public sealed class LimitShareChart : IChartBuilder
{
    public IEnumerable<Chart> Build(ResultSet results)
    {
        var methods = ChartStyle.MethodsOf(results.Sends);
        foreach (var transport in results.Sends.GroupBy(result => result.Transport).OrderBy(group => group.Key))
        {
            var shares = transport.Select(row => (Row: row, Share: LimitRatios.ToIperf3(row, results.Limits)))
                .Where(pair => pair.Share is > 0).Select(pair => (pair.Row, Share: pair.Share!.Value)).ToList();
            if (shares.Count == 0)
            {
                continue;
            }

            var shapes = shares.Select(pair => (pair.Row.BufferSize!.Value, pair.Row.BufferCount!.Value)).Distinct().Order().ToList();
            var shown = methods.Where(method => shares.Any(pair => pair.Row.Series == method)).ToList();
            string title = transport.Key == TransportLabels.Tls
                ? $"{transport.Key}: share of plain TCP's loopback limit (iperf3 -N at the same plaintext bytes per call)"
                : $"{transport.Key}: share of the loopback limit (iperf3 at the same bytes per send call)";
            var plot = ChartStyle.Create(title, "Batch shape (BufferSize × BufferCount)", "Row Gbit/s ÷ iperf3 Gbit/s (higher is closer to the limit)", results.Caption);
            var limit = plot.Add.HorizontalLine(1, 2f, Colors.Gray);
            limit.LegendText = "iperf3 (= 1×)";
            // Only TCP has a target: on UDP iperf3 loses datagrams at its own sender, so its rate is no ceiling.
            bool hasTarget = transport.Key == TransportLabels.Tcp;
            if (hasTarget)
            {
                var target = plot.Add.HorizontalLine(LimitTarget.Target, 1f, Colors.Crimson);
                target.LegendText = $"target for batched TCP rows ({LimitTarget.Target}×)";
            }
            double width = 0.8 / shown.Count;
            foreach (var (method, index) in shown.Select((method, index) => (method, index)))
            {
                var bars = shares.Where(pair => pair.Row.Series == method).Select(pair => new Bar
                {
                    Position = shapes.IndexOf((pair.Row.BufferSize!.Value, pair.Row.BufferCount!.Value)) - 0.4 + width * (index + 0.5),
                    Value = pair.Share,
                    Size = width * 0.95,
                    FillColor = ChartStyle.ColorOf(method, methods),
                }).ToList();
                plot.Add.Bars(bars).LegendText = method;
            }

            ChartStyle.CategoryTicks(plot.Axes.Bottom, shapes.Select((_, index) => (double)index).ToList(), shapes.Select(shape => $"{Units.Bytes(shape.Item1)}\n× {shape.Item2}").ToList());
            // Headroom above the tallest bar for the legend, which sits at the top.
            plot.Axes.SetLimitsY(0, Math.Max(1.2, shares.Max(pair => pair.Share)) * 1.4);
            plot.Legend.Orientation = Orientation.Horizontal;
            plot.Legend.Alignment = Alignment.UpperCenter;
            yield return new Chart(
                $"limit-share-{TransportLabels.FileKey(transport.Key)}",
                title,
                "Each bar is a row's delivered Gbit/s divided by iperf3's on the same machine in the same session, at the same bytes per send call (per-buffer methods: one buffer; TCP batched methods: the whole batch; UDP: one datagram). Above the grey line the row beat iperf3." + (hasTarget ? " The red line is the 0.9× target for batched TCP rows." : (transport.Key == TransportLabels.Tls ? " TLS rows are held against plain TCP (iperf3 -N), their ceiling: no tool measures TLS over loopback." : " UDP has no target: iperf3's own UDP sender loses datagrams, so its rate is no ceiling.")),
                plot);
        }
    }
}
