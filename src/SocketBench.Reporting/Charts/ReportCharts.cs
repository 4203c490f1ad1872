using ScottPlot;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Writers;

namespace SocketBench.Reporting.Charts;

/// <summary>
/// The report's charts, in the order the report shows them. Each builds zero or more charts from a result set
/// (none when the results hold nothing to draw).
/// </summary>
public static class ReportCharts
{
    public static IReadOnlyList<Func<ResultSet, IEnumerable<Chart>>> All { get; } =
        [TimePerBuffer, Speedup, Throughput, SendsPerBuffer, Delivered, LimitShare, Latency];

    /// <summary>Time per buffer for each method, grouped by BufferCount: one chart per transport and buffer size, with the confidence interval as error bars.</summary>
    public static IEnumerable<Chart> TimePerBuffer(ResultSet results) => PerGroup(results, result => (result.Transport, Size: result.BufferSize!.Value), (group, methods) =>
    {
        var counts = group.Select(result => result.BufferCount!.Value).Distinct().Order().ToList();
        var shown = Shown(methods, group);
        var chart = ChartStyle.Create($"time-per-buffer-{TransportLabels.FileKey(group.Key.Transport)}-{group.Key.Size}", $"{group.Key.Transport}: time per {Units.Bytes(group.Key.Size)} buffer by strategy",
            "Each bar is the mean time to send one buffer, delivery included; black whiskers are the 99.9 % confidence interval. Lower is better.",
            "Buffers per batch (BufferCount)", "Time per buffer (µs, lower is better)", results.Caption);
        var plot = chart.Plot;
        foreach (var (index, method) in shown.Index())
        {
            var rows = group.Where(result => result.Series == method).ToList();
            var bars = ChartStyle.AddBars(plot, method, ChartStyle.ColorOf(method, methods), index, shown.Count,
                rows.Select(result => (counts.IndexOf(result.BufferCount!.Value), result.Interval.Mean / result.BufferCount.Value / 1000))).Bars;
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(bars.Select(bar => bar.Position).ToList(), bars.Select(bar => bar.Value).ToList(), null, null,
                rows.Zip(bars, (result, bar) => result.Interval.Upper / result.BufferCount!.Value / 1000 - bar.Value).ToList(),
                rows.Zip(bars, (result, bar) => bar.Value - result.Interval.Lower / result.BufferCount!.Value / 1000).ToList()) { Color = Colors.Black });
        }

        ChartStyle.CategoryTicks(plot.Axes.Bottom, counts.Select(count => $"× {count}").ToList());
        plot.Axes.Margins(bottom: 0);
        // Beside the bars, not over them: with the .NET API rows a group has up to ten bars.
        plot.ShowLegend(Edge.Right);
        return chart;
    });

    /// <summary>
    /// Speedup of each method over its benchmark's baseline, PerBufferAwait (same backend, transport and batch
    /// shape), against BufferCount on a log axis, one chart per transport and buffer size.
    /// </summary>
    public static IEnumerable<Chart> Speedup(ResultSet results) => PerGroup(results, result => (result.Transport, Size: result.BufferSize!.Value), (group, methods) =>
    {
        var reference = group.Where(result => result.Case.IsBaseline)
            .ToDictionary(result => (result.Case.Backend, result.BufferCount!.Value), result => result.Interval.Mean);
        if (reference.Count == 0)
        {
            return null;
        }

        double SpeedupOf(BenchmarkResult result) => reference[(result.Case.Backend, result.BufferCount!.Value)] / result.Interval.Mean;
        var rows = group.Where(result => !result.Case.IsBaseline && reference.ContainsKey((result.Case.Backend, result.BufferCount!.Value))).ToList();
        string baselineMethod = group.First(result => result.Case.IsBaseline).Method;
        var chart = ChartStyle.Create($"speedup-{TransportLabels.FileKey(group.Key.Transport)}-{group.Key.Size}", $"{group.Key.Transport}, {Units.Bytes(group.Key.Size)} buffers: speedup over one awaited send per buffer",
            $"How many times faster than {baselineMethod} each method sends a batch of the same shape (ratio of mean times). Above the grey 1× line is a gain.",
            "Buffers per batch (BufferCount, log scale)", $"Speedup over {baselineMethod} (×, higher is better)", results.Caption);
        var plot = chart.Plot;
        // Solid lines only: Skia's SVG backend cannot draw dash patterns.
        plot.Add.HorizontalLine(1, 2f, Colors.Gray).LegendText = $"{baselineMethod} (= 1×)";
        Lines(plot, methods, rows, result => result.BufferCount!.Value, SpeedupOf);
        ChartStyle.LogTicks(plot.Axes.Bottom, group.Select(result => (double)result.BufferCount!.Value), value => Units.Number(value));
        plot.Axes.SetLimitsY(0, rows.Select(SpeedupOf).Append(1).Max() * 1.1);
        return chart;
    });

    /// <summary>Delivered Gbit/s against BufferSize for each method at the largest BufferCount, one chart per transport.</summary>
    public static IEnumerable<Chart> Throughput(ResultSet results) => PerGroup(results, result => result.Transport, (transport, methods) =>
    {
        int count = transport.Max(result => result.BufferCount!.Value);
        var cases = transport.Where(result => result.BufferCount == count).ToList();
        var chart = ChartStyle.Create($"throughput-{TransportLabels.FileKey(transport.Key)}", $"{transport.Key}: delivered throughput by buffer size ({count} buffers per batch)",
            "Bytes the receiver got per second, in Gbit/s: lost datagrams do not count. Each line is a method; larger buffers amortise the per-send cost.",
            "Buffer size (BufferSize, log scale)", "Delivered throughput (Gbit/s, higher is better)", results.Caption);
        var plot = chart.Plot;
        Lines(plot, methods, cases, result => result.BufferSize!.Value, result => result.DeliveredGigabitsPerSecond ?? 0);
        ChartStyle.LogTicks(plot.Axes.Bottom, cases.Select(result => (double)result.BufferSize!.Value), value => Units.Bytes((int)value));
        plot.Axes.SetLimitsY(0, Math.Max(0.001, cases.Max(result => result.DeliveredGigabitsPerSecond ?? 0)) * 1.1);
        return chart;
    });

    /// <summary>Send system calls per buffer against BufferCount (both log scale), one chart per transport, with the one-send-per-batch ideal as a reference line.</summary>
    public static IEnumerable<Chart> SendsPerBuffer(ResultSet results) => PerGroup(results, result => result.Transport, (transport, methods) =>
    {
        var withMetric = transport.Where(result => result.CountedSendsPerBuffer is > 0).ToList();
        if (withMetric.Count == 0)
        {
            return null;
        }

        int size = withMetric.Min(result => result.BufferSize!.Value);
        var cases = withMetric.Where(result => result.BufferSize == size).ToList();
        var chart = ChartStyle.Create($"sends-per-buffer-{TransportLabels.FileKey(transport.Key)}", $"{transport.Key}: send system calls per buffer ({Units.Bytes(size)} buffers)",
            "How many send system calls each buffer cost, counted by the backend: 1 is one kernel transition per buffer, the wide grey line is one per batch."
            + (cases.Any(result => result.Case.Counts == CountedCalls.StreamCalls) ? " WinRT series count WriteAsync and FlushAsync calls instead: WinRT does not show its system calls." : "")
            + (transport.Any(result => result.Case.Counts == CountedCalls.NotCounted) ? " .NET API rows send inside .NET: theirs are the kernel's count (drawn only where the kernel counted)." : ""),
            "Buffers per batch (BufferCount, log scale)", "Send system calls per buffer (log scale, lower is better)", results.Caption);
        var plot = chart.Plot;
        var counts = cases.Select(result => (double)result.BufferCount!.Value).Distinct().Order().ToArray();
        var ideal = plot.Add.ScatterLine(counts.Select(Math.Log10).ToArray(), counts.Select(count => -Math.Log10(count)).ToArray(), Colors.Gray);
        ideal.LineWidth = 6;
        ideal.LineColor = Colors.Gray.WithAlpha(0.4);
        ideal.LegendText = "one send per batch (1 / BufferCount)";
        foreach (var (index, line) in Lines(plot, methods, cases, result => result.BufferCount!.Value, result => Math.Log10(result.CountedSendsPerBuffer!.Value)).Index())
        {
            // Methods often coincide (1 send per buffer, or 1 per batch): distinct markers keep each visible.
            line.MarkerShape = (MarkerShape)(1 + index % 8);
            line.MarkerSize = 10 - index;
        }

        // Methods often share a line (one send per buffer, or one per batch): name them at its right end.
        foreach (var end in cases.Where(result => result.BufferCount == (int)counts.Max())
            .GroupBy(result => Math.Round(Math.Log10(result.CountedSendsPerBuffer!.Value), 1)))
        {
            var label = plot.Add.Text(string.Join("\n", end.Select(result => result.Series)), Math.Log10(counts.Max()), end.Key);
            label.LabelFontSize = 12;
            label.OffsetX = -14;
            label.OffsetY = end.Key > -0.5 ? 4 : -4;
            label.LabelAlignment = end.Key > -0.5 ? Alignment.UpperRight : Alignment.LowerRight;
        }

        ChartStyle.LogTicks(plot.Axes.Bottom, counts, value => Units.Number(value));
        ChartStyle.LogDecadeTicks(plot.Axes.Left, cases.Select(result => result.CountedSendsPerBuffer!.Value).Append(1.0 / counts.Max()).Append(1), value => Units.Number(value));
        plot.Legend.Alignment = Alignment.LowerLeft;
        return chart;
    });

    /// <summary>UDP delivered ratio: bars per method for every batch shape.</summary>
    public static IEnumerable<Chart> Delivered(ResultSet results)
    {
        var udp = results.Sends.Where(result => result.Transport == "UDP" && result.Metric(BenchmarkResult.DeliveredPercentMetric) is not null).ToList();
        if (udp.Count == 0)
        {
            yield break;
        }

        // Loss is usually a few percent at most: start the axis just below the lowest bar so it shows.
        double lowest = Math.Min(95, Math.Floor(udp.Min(result => result.Metric(BenchmarkResult.DeliveredPercentMetric)!.Value)) - 1);
        var chart = ChartStyle.Create("delivered-udp", "UDP: share of datagrams delivered",
            "Bytes the receiver counted as a percentage of bytes sent. Below 100 % the kernel dropped datagrams (receive buffer full); throughput counts only what arrived.",
            "Batch shape (BufferSize × BufferCount)", $"Delivered (% of bytes sent; axis from {lowest:0} %)", results.Caption);
        ShapeBars(chart.Plot, ChartStyle.MethodsOf(udp), (_, index) => ChartStyle.ColorAt(index), udp.Select(result => (result, result.Metric(BenchmarkResult.DeliveredPercentMetric)!.Value)).ToList());
        chart.Plot.Axes.SetLimitsY(lowest, 100 + (100 - lowest) * 0.2);
        yield return chart;
    }

    /// <summary>Each strategy's share of the loopback limit (÷ iperf3 at the same bytes per send call) per batch shape; drawn only when limits were measured.</summary>
    public static IEnumerable<Chart> LimitShare(ResultSet results) => PerGroup(results, result => result.Transport, (transport, methods) =>
    {
        var shares = transport.Select(row => (Row: row, Share: LimitsSection.ToIperf3(row, results.Limits) ?? 0)).Where(pair => pair.Share > 0).ToList();
        if (shares.Count == 0)
        {
            return null;
        }

        // Only TCP has a target: on UDP iperf3 loses datagrams at its own sender, so its rate is no ceiling.
        bool hasTarget = transport.Key == TransportLabels.Tcp;
        bool tls = transport.Key == TransportLabels.Tls;
        var chart = ChartStyle.Create(
            $"limit-share-{TransportLabels.FileKey(transport.Key)}",
            tls
                ? $"{transport.Key}: share of plain TCP's loopback limit (iperf3 -N at the same plaintext bytes per call)"
                : $"{transport.Key}: share of the loopback limit (iperf3 at the same bytes per send call)",
            "Each bar is a row's delivered Gbit/s divided by iperf3's on the same machine in the same session, at the same bytes per send call (per-buffer methods: one buffer; TCP batched methods: the whole batch; UDP: one datagram). Above the grey line the row beat iperf3."
            + (hasTarget ? " The red line is the 0.9× target for batched TCP rows." : tls ? " TLS rows are held against plain TCP (iperf3 -N), their ceiling: no tool measures TLS over loopback." : " UDP has no target: iperf3's own UDP sender loses datagrams, so its rate is no ceiling."),
            "Batch shape (BufferSize × BufferCount)", "Row Gbit/s ÷ iperf3 Gbit/s (higher is closer to the limit)", results.Caption);
        var plot = chart.Plot;
        plot.Add.HorizontalLine(1, 2f, Colors.Gray).LegendText = "iperf3 (= 1×)";
        if (hasTarget)
        {
            plot.Add.HorizontalLine(LimitsSection.Target, 1f, Colors.Crimson).LegendText = $"target for batched TCP rows ({LimitsSection.Target}×)";
        }

        ShapeBars(plot, Shown(methods, shares.Select(pair => pair.Row)), (method, _) => ChartStyle.ColorOf(method, methods), shares);
        // Headroom above the tallest bar for the legend, which sits at the top.
        plot.Axes.SetLimitsY(0, Math.Max(1.2, shares.Max(pair => pair.Share)) * 1.4);
        return chart;
    });

    /// <summary>Round-trip latency percentiles of the echo benchmarks; drawn only when echo results are present.</summary>
    public static IEnumerable<Chart> Latency(ResultSet results)
    {
        string[] percentiles = ["P50", "P90", "P95", "P100"];
        var echo = results.Benchmarks.Where(result => result.IsEcho && result.Percentiles.Count > 0).ToList();
        if (echo.Count == 0)
        {
            yield break;
        }

        var chart = ChartStyle.Create("latency-echo", "Echo: round-trip latency percentiles",
            "Percentiles of the measured time per operation of each echo benchmark (one operation = one round trip): the median, the 90th and 95th percentiles and the slowest iteration.",
            "Echo benchmark", "Round-trip time per operation (µs, lower is better)", results.Caption);
        foreach (var (index, percentile) in percentiles.Index())
        {
            ChartStyle.AddBars(chart.Plot, percentile == "P100" ? "max" : percentile.Replace("P", "p", StringComparison.Ordinal), ChartStyle.ColorAt(index), index, percentiles.Length,
                echo.Select((result, position) => (position, result.Percentiles.GetValueOrDefault(percentile) / 1000)));
        }

// The protocol only: "Echo" and "RoundTrip" are on every bar, and twelve full names overlap.
        ChartStyle.CategoryTicks(chart.Plot.Axes.Bottom, echo.Select(result => $"{result.Case.Variant}{(result.Case.Backend == SocketBench.Core.Sending.Backend.WinRT ? " (WinRT)" : "")}\n{result.ShapeLabel}").ToList());
        chart.Plot.Axes.Margins(bottom: 0);
        yield return chart;
    }

    /// <summary>The series of <paramref name="methods"/> that have a row in <paramref name="rows"/>, in that order.</summary>
    private static List<string> Shown(IReadOnlyList<string> methods, IEnumerable<BenchmarkResult> rows) =>
        methods.Where(method => rows.Any(result => result.Series == method)).ToList();

    /// <summary>A line with markers per method of <paramref name="rows"/>, its points in order of x, which is drawn on a log axis.</summary>
    private static List<ScottPlot.Plottables.Scatter> Lines(Plot plot, IReadOnlyList<string> methods, IReadOnlyList<BenchmarkResult> rows, Func<BenchmarkResult, int> x, Func<BenchmarkResult, double> y) =>
        Shown(methods, rows).Select(method =>
        {
            var points = rows.Where(result => result.Series == method).OrderBy(x).ToList();
            var line = plot.Add.Scatter(points.Select(result => Math.Log10(x(result))).ToArray(), points.Select(y).ToArray(), ChartStyle.ColorOf(method, methods));
            line.LineWidth = 2;
            line.MarkerSize = 8;
            line.LegendText = method;
            return line;
        }).ToList();

    /// <summary>
    /// One chart (or none, where <paramref name="build"/> returns null) per group of send rows, in key order; each is
    /// built with every send series in reading order, so a method keeps its colour across the report.
    /// </summary>
    private static IEnumerable<Chart> PerGroup<TKey>(ResultSet results, Func<BenchmarkResult, TKey> key, Func<IGrouping<TKey, BenchmarkResult>, IReadOnlyList<string>, Chart?> build) =>
        results.Sends.GroupBy(key).OrderBy(group => group.Key).Select(group => build(group, ChartStyle.MethodsOf(results.Sends))).OfType<Chart>();

    /// <summary>
    /// Grouped bars of a value per batch shape, one series per method of <paramref name="shown"/> in its colour, the
    /// shapes in order under them, and the legend in one row at the top.
    /// </summary>
    private static void ShapeBars(Plot plot, IReadOnlyList<string> shown, Func<string, int, Color> colorOf, IReadOnlyList<(BenchmarkResult Row, double Value)> values)
    {
        var shapes = values.Select(pair => (Size: pair.Row.BufferSize!.Value, Count: pair.Row.BufferCount!.Value)).Distinct().Order().ToList();
        foreach (var (index, method) in shown.Index())
        {
            ChartStyle.AddBars(plot, method, colorOf(method, index), index, shown.Count, values.Where(pair => pair.Row.Series == method)
                .Select(pair => (shapes.IndexOf((pair.Row.BufferSize!.Value, pair.Row.BufferCount!.Value)), pair.Value)));
        }

        ChartStyle.CategoryTicks(plot.Axes.Bottom, shapes.Select(shape => $"{Units.Bytes(shape.Size)}\n× {shape.Count}").ToList());
        plot.Legend.Alignment = Alignment.UpperCenter;
        plot.Legend.Orientation = Orientation.Horizontal;
    }
}
