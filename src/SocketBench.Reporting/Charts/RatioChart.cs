using ScottPlot;
using SocketBench.Reporting.Model;
using SocketBench.Reporting.Statistics;

namespace SocketBench.Reporting.Charts;

/// <summary>Compare's chart: one row per benchmark pair, the new/base time ratio with its interval, coloured by verdict, threshold band shaded.</summary>
public static class RatioChart
{
    public const int RowHeight = 22;

    public static Chart Build(ComparisonResult comparison)
    {
        var rows = comparison.Rows;
        var chart = ChartStyle.Create("compare-ratios", "New against base: time ratio per benchmark",
            "Each row is one benchmark: the dot is new time / base time, the whisker its 95 % interval, the shaded band the threshold.",
            "Time ratio new / base (log scale; right of 1 = slower)", "",
            comparison.Base.Host == comparison.New.Host ? comparison.New.Caption : $"base: {comparison.Base.Caption}   new: {comparison.New.Caption}");
        var plot = chart.Plot;
        double threshold = comparison.Options.RelativeThreshold;
        var band = plot.Add.HorizontalSpan(Math.Log10(1 / (1 + threshold)), Math.Log10(1 + threshold), Colors.Gray.WithAlpha(0.15));
        band.LineColor = Colors.Transparent;
        band.LegendText = $"within threshold (±{threshold:P0})";
        plot.Add.VerticalLine(0, 1.5f, Colors.Black);

        // One series per verdict, in the enum's order.
        foreach (var picked in rows.Index().GroupBy(pair => pair.Item.Verdict).OrderBy(group => group.Key))
        {
            var color = ColorOf(picked.Key);
            double[] ys = picked.Select(pair => (double)(rows.Count - 1 - pair.Index)).ToArray();
            double[] xs = picked.Select(pair => Math.Log10(pair.Item.Ratio)).ToArray();
            double[] above = picked.Select(pair => Math.Log10(Finite(pair.Item.RatioUpper, pair.Item.Ratio)) - Math.Log10(pair.Item.Ratio)).ToArray();
            double[] below = picked.Select(pair => Math.Log10(pair.Item.Ratio) - Math.Log10(Finite(pair.Item.RatioLower, pair.Item.Ratio))).ToArray();
            plot.Add.Plottable(new ScottPlot.Plottables.ErrorBar(xs, ys, above, below, null, null) { Color = color });
            var points = plot.Add.ScatterPoints(xs, ys, color);
            points.MarkerSize = 8;
            points.LegendText = $"{picked.Key} ({picked.Count()})";
        }

        ChartStyle.CategoryTicks(plot.Axes.Left, rows.Select(row => row.Label).ToList(), topDown: true);
        var ratios = rows.SelectMany(row => new[] { row.Ratio, Finite(row.RatioLower, row.Ratio), Finite(row.RatioUpper, row.Ratio) })
            .Append(1 + threshold).Append(1 / (1 + threshold)).ToList();
        double low = Math.Log10(ratios.Min()), high = Math.Log10(ratios.Max());
        ChartStyle.LogTicks(plot.Axes.Bottom, RatioTicks(low, high), value => Units.Number(value) + "×");
        plot.Axes.SetLimitsY(-1, rows.Count);
        plot.ShowLegend(Edge.Right);
        return chart;
    }

    /// <summary>The ratios to label, 1× first, then the rounder ones: each kept only where it stands a tenth of the axis (in log) from every kept one, so labels never run into each other however wide the intervals make the axis.</summary>
    internal static IReadOnlyList<double> RatioTicks(double logLow, double logHigh)
    {
        double gap = (logHigh - logLow) / 10;
        var kept = new List<double>();
        foreach (double tick in (double[])[1, 2, 0.5, 3, 0.33, 1.5, 0.67, 1.25, 0.8, 1.1, 0.9, 5, 0.2, 10, 0.1])
        {
            double at = Math.Log10(tick);
            if (at >= logLow - 0.05 && at <= logHigh + 0.05 && kept.All(other => Math.Abs(Math.Log10(other) - at) >= gap))
            {
                kept.Add(tick);
            }
        }

        return kept;
    }

    public static int HeightFor(ComparisonResult comparison) => Math.Max(ChartStyle.Height, 160 + RowHeight * comparison.Rows.Count);

    public static Color ColorOf(Verdict verdict) => verdict switch
    {
        Verdict.Slower => Colors.Crimson,
        Verdict.Faster => Colors.ForestGreen,
        Verdict.Noisy => Colors.DarkOrange,
        _ => Colors.SteelBlue,
    };

    private static double Finite(double value, double fallback) => double.IsFinite(value) && value > 0 ? value : fallback;
}
