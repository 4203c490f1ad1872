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
        var groupMethods = methods.Where(method => group.Any(result => result.Series == method)).ToList();
        string title = $"{group.Key.Transport}: time per {Units.Bytes(group.Key.Size)} buffer by strategy";
        var plot = ChartStyle.Create(title, "Buffers per batch (BufferCount)", "Time per buffer (µs, lower is better)", results.Caption);
        foreach (var (method, methodIndex) in groupMethods.Select((method, index) => (method, index)))
        {
            var rows = group.Where(result => result.Series == method).ToList();
            var bars = ChartStyle.AddBars(plot, method, ChartStyle.ColorOf(method, methods), methodIndex, groupMethods.Count,
                rows.Select(result => (counts.IndexOf(result.BufferCount!.Value), result.Interval.Mean / result.BufferCount.Value / 1000)));
            var positions = bars.Bars.Select(bar => bar.Position).ToList();
            var values = bars.Bars.Select(bar => bar.Value).ToList();
            var errors = plot.Add.ErrorBar(positions, values, rows.Select((result, index) => result.Interval.Upper / result.BufferCount!.Value / 1000 - values[index]).ToList());
            errors.YErrorNegative = rows.Select((result, index) => values[index] - result.Interval.Lower / result.BufferCount!.Value / 1000).ToList();
            errors.Color = Colors.Black;
        }

        ChartStyle.CategoryTicks(plot.Axes.Bottom, counts.Select(count => $"× {count}").ToList());
        plot.Axes.Margins(bottom: 0);
        // Beside the bars, not over them: with the .NET API rows a group has up to ten bars.
        plot.ShowLegend(Edge.Right);
        return new Chart(
            $"time-per-buffer-{TransportLabels.FileKey(group.Key.Transport)}-{group.Key.Size}",
            title,
            "Each bar is the mean time to send one buffer, delivery included; black whiskers are the 99.9 % confidence interval. Lower is better.",
            plot);
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

        string baselineMethod = group.First(result => result.Case.IsBaseline).Method;
        string title = $"{group.Key.Transport}, {Units.Bytes(group.Key.Size)} buffers: speedup over one awaited send per buffer";
        var plot = ChartStyle.Create(title, "Buffers per batch (BufferCount, log scale)", $"Speedup over {baselineMethod} (×, higher is better)", results.Caption);
        // Solid lines only: Skia's SVG backend cannot draw dash patterns.
        double highest = 1;
        plot.Add.HorizontalLine(1, 2f, Colors.Gray).LegendText = $"{baselineMethod} (= 1×)";
        foreach (string method in methods.Where(method => group.Any(result => result.Series == method && !result.Case.IsBaseline)))
        {
            var points = group
                .Where(result => result.Series == method && reference.ContainsKey((result.Case.Backend, result.BufferCount!.Value)))
                .OrderBy(result => result.BufferCount)
                .Select(result => (X: Math.Log10(result.BufferCount!.Value), Y: reference[(result.Case.Backend, result.BufferCount!.Value)] / result.Interval.Mean))
                .ToList();
            ChartStyle.AddLine(plot, method, ChartStyle.ColorOf(method, methods), points);
            highest = Math.Max(highest, points.Max(point => point.Y));
        }

        ChartStyle.LogTicks(plot.Axes.Bottom, group.Select(result => (double)result.BufferCount!.Value), value => Units.Number(value));
        plot.Axes.SetLimitsY(0, highest * 1.1);
        return new Chart(
            $"speedup-{TransportLabels.FileKey(group.Key.Transport)}-{group.Key.Size}",
            title,
            $"How many times faster than {baselineMethod} each method sends a batch of the same shape (ratio of mean times). Above the grey 1× line is a gain.",
            plot);
    });

    /// <summary>Delivered Gbit/s against BufferSize for each method at the largest BufferCount, one chart per transport.</summary>
    public static IEnumerable<Chart> Throughput(ResultSet results) => PerGroup(results, result => result.Transport, (transport, methods) =>
    {
        int count = transport.Max(result => result.BufferCount!.Value);
        var cases = transport.Where(result => result.BufferCount == count).ToList();
        string title = $"{transport.Key}: delivered throughput by buffer size ({count} buffers per batch)";
        var plot = ChartStyle.Create(title, "Buffer size (BufferSize, log scale)", "Delivered throughput (Gbit/s, higher is better)", results.Caption);
        foreach (string method in methods.Where(method => cases.Any(result => result.Series == method)))
        {
            ChartStyle.AddLine(plot, method, ChartStyle.ColorOf(method, methods), cases.Where(result => result.Series == method).OrderBy(result => result.BufferSize)
                .Select(result => (Math.Log10(result.BufferSize!.Value), result.DeliveredGigabitsPerSecond ?? 0)));
        }

        ChartStyle.LogTicks(plot.Axes.Bottom, cases.Select(result => (double)result.BufferSize!.Value), value => Units.Bytes((int)value));
        plot.Axes.SetLimitsY(0, Math.Max(0.001, cases.Max(result => result.DeliveredGigabitsPerSecond ?? 0)) * 1.1);
        return new Chart(
            $"throughput-{TransportLabels.FileKey(transport.Key)}",
            title,
            "Bytes the receiver got per second, in Gbit/s: lost datagrams do not count. Each line is a method; larger buffers amortise the per-send cost.",
            plot);
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
            var line = ChartStyle.AddLine(plot, method, ChartStyle.ColorOf(method, methods), cases.Where(result => result.Series == method).OrderBy(result => result.BufferCount)
                .Select(result => (Math.Log10(result.BufferCount!.Value), Math.Log10(result.CountedSendsPerBuffer!.Value))));
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
        return new Chart(
            $"sends-per-buffer-{TransportLabels.FileKey(transport.Key)}",
            title,
            "How many send system calls each buffer cost, counted by the backend: 1 is one kernel transition per buffer, the wide grey line is one per batch."
            + (cases.Any(result => result.Case.Counts == CountedCalls.StreamCalls) ? " WinRT series count WriteAsync and FlushAsync calls instead: WinRT does not show its system calls." : "")
            + (transport.Any(result => result.Case.Counts == CountedCalls.NotCounted) ? " .NET API rows send inside .NET: theirs are the kernel's count (drawn only where the kernel counted)." : ""),
            plot);
    });

    /// <summary>UDP delivered ratio: bars per method for every batch shape.</summary>
    public static IEnumerable<Chart> Delivered(ResultSet results)
    {
        var udp = results.Sends.Where(result => result.Transport == "UDP" && result.Metric(BenchmarkResult.DeliveredPercentMetric) is not null).ToList();
        if (udp.Count == 0)
        {
            yield break;
        }

        var methods = ChartStyle.MethodsOf(udp);
        const string title = "UDP: share of datagrams delivered";
        // Loss is usually a few percent at most: start the axis just below the lowest bar so it shows.
        double lowest = Math.Min(95, Math.Floor(udp.Min(result => result.Metric(BenchmarkResult.DeliveredPercentMetric)!.Value)) - 1);
        var plot = ChartStyle.Create(title, "Batch shape (BufferSize × BufferCount)", $"Delivered (% of bytes sent; axis from {lowest:0} %)", results.Caption);
        ShapeBars(plot, methods, (_, index) => ChartStyle.ColorAt(index), udp.Select(result => (result, result.Metric(BenchmarkResult.DeliveredPercentMetric)!.Value)).ToList());
        plot.Axes.SetLimitsY(lowest, 100 + (100 - lowest) * 0.2);
        yield return new Chart(
            "delivered-udp",
            title,
            "Bytes the receiver counted as a percentage of bytes sent. Below 100 % the kernel dropped datagrams (receive buffer full); throughput counts only what arrived.",
            plot);
    }

    /// <summary>Each strategy's share of the loopback limit (÷ iperf3 at the same bytes per send call) per batch shape; drawn only when limits were measured.</summary>
    public static IEnumerable<Chart> LimitShare(ResultSet results) => PerGroup(results, result => result.Transport, (transport, methods) =>
    {
        var shares = transport.Select(row => (Row: row, Share: LimitsSection.ToIperf3(row, results.Limits)))
            .Where(pair => pair.Share is > 0).Select(pair => (pair.Row, Share: pair.Share!.Value)).ToList();
        if (shares.Count == 0)
        {
            return null;
        }

        var shown = methods.Where(method => shares.Any(pair => pair.Row.Series == method)).ToList();
        string title = transport.Key == TransportLabels.Tls
            ? $"{transport.Key}: share of plain TCP's loopback limit (iperf3 -N at the same plaintext bytes per call)"
            : $"{transport.Key}: share of the loopback limit (iperf3 at the same bytes per send call)";
        var plot = ChartStyle.Create(title, "Batch shape (BufferSize × BufferCount)", "Row Gbit/s ÷ iperf3 Gbit/s (higher is closer to the limit)", results.Caption);
        plot.Add.HorizontalLine(1, 2f, Colors.Gray).LegendText = "iperf3 (= 1×)";
        // Only TCP has a target: on UDP iperf3 loses datagrams at its own sender, so its rate is no ceiling.
        bool hasTarget = transport.Key == TransportLabels.Tcp;
        if (hasTarget)
        {
            plot.Add.HorizontalLine(LimitsSection.Target, 1f, Colors.Crimson).LegendText = $"target for batched TCP rows ({LimitsSection.Target}×)";
        }

        ShapeBars(plot, shown, (method, _) => ChartStyle.ColorOf(method, methods), shares);
        // Headroom above the tallest bar for the legend, which sits at the top.
        plot.Axes.SetLimitsY(0, Math.Max(1.2, shares.Max(pair => pair.Share)) * 1.4);
        return new Chart(
            $"limit-share-{TransportLabels.FileKey(transport.Key)}",
            title,
            "Each bar is a row's delivered Gbit/s divided by iperf3's on the same machine in the same session, at the same bytes per send call (per-buffer methods: one buffer; TCP batched methods: the whole batch; UDP: one datagram). Above the grey line the row beat iperf3." + (hasTarget ? " The red line is the 0.9× target for batched TCP rows." : (transport.Key == TransportLabels.Tls ? " TLS rows are held against plain TCP (iperf3 -N), their ceiling: no tool measures TLS over loopback." : " UDP has no target: iperf3's own UDP sender loses datagrams, so its rate is no ceiling.")),
            plot);
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

        const string title = "Echo: round-trip latency percentiles";
        var plot = ChartStyle.Create(title, "Echo benchmark", "Round-trip time per operation (µs, lower is better)", results.Caption);
        foreach (var (percentile, index) in percentiles.Select((percentile, index) => (percentile, index)))
        {
            ChartStyle.AddBars(plot, percentile == "P100" ? "max" : percentile.Replace("P", "p", StringComparison.Ordinal), ChartStyle.ColorAt(index), index, percentiles.Length,
                echo.Select((result, position) => (position, result.Percentiles.GetValueOrDefault(percentile) / 1000)));
        }

        ChartStyle.CategoryTicks(plot.Axes.Bottom, echo.Select(result => $"{result.Transport} {result.Method}\n{result.ShapeLabel}").ToList());
        plot.Axes.Margins(bottom: 0);
        yield return new Chart(
            "latency-echo",
            title,
            "Percentiles of the measured time per operation of each echo benchmark (one operation = one round trip): the median, the 90th and 95th percentiles and the slowest iteration.",
            plot);
    }

    /// <summary>
    /// One chart (or none, where <paramref name="build"/> returns null) per group of send rows, in key order; each is
    /// built with every send series in reading order, so a method keeps its colour across the report.
    /// </summary>
    private static IEnumerable<Chart> PerGroup<TKey>(ResultSet results, Func<BenchmarkResult, TKey> key, Func<IGrouping<TKey, BenchmarkResult>, IReadOnlyList<string>, Chart?> build)
    {
        var methods = ChartStyle.MethodsOf(results.Sends);
        return results.Sends.GroupBy(key).OrderBy(group => group.Key).Select(group => build(group, methods)).OfType<Chart>();
    }

    /// <summary>
    /// Grouped bars of a value per batch shape, one series per method of <paramref name="shown"/> in its colour, the
    /// shapes in order under them, and the legend in one row at the top.
    /// </summary>
    private static void ShapeBars(Plot plot, IReadOnlyList<string> shown, Func<string, int, Color> colorOf, IReadOnlyList<(BenchmarkResult Row, double Value)> values)
    {
        var shapes = values.Select(pair => (Size: pair.Row.BufferSize!.Value, Count: pair.Row.BufferCount!.Value)).Distinct().Order().ToList();
        foreach (var (method, index) in shown.Select((method, index) => (method, index)))
        {
            ChartStyle.AddBars(plot, method, colorOf(method, index), index, shown.Count, values.Where(pair => pair.Row.Series == method)
                .Select(pair => (shapes.IndexOf((pair.Row.BufferSize!.Value, pair.Row.BufferCount!.Value)), pair.Value)));
        }

        ChartStyle.CategoryTicks(plot.Axes.Bottom, shapes.Select(shape => $"{Units.Bytes(shape.Size)}\n× {shape.Count}").ToList());
        plot.Legend.Alignment = Alignment.UpperCenter;
        plot.Legend.Orientation = Orientation.Horizontal;
    }
}
