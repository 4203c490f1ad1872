using ScottPlot;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>A built chart: the file name it is saved under (without extension), what it shows in one sentence, and the plot.</summary>
public sealed record Chart(string FileStem, string Title, string HowToRead, Plot Plot);

/// <summary>What every chart shares: size, title, axis labels with units, the machine caption, one colour per method, log axes.</summary>
public static class ChartStyle
{
    public const int Width = 1000;
    public const int Height = 560;

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    // With the .NET API rows a full report has more than ten series: Category10 would give two of them one colour.
    private static readonly IPalette WidePalette = new ScottPlot.Palettes.Category20();

    /// <summary>A chart whose plot has the title, axis labels and caption, ready for its series.</summary>
    public static Chart Create(string fileStem, string title, string howToRead, string xLabel, string yLabel, string caption)
    {
        var plot = new Plot();
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 14);
        plot.YLabel(yLabel, size: 14);
        plot.Axes.AddPanel(new ScottPlot.Panels.TitlePanel { Label = { Text = caption, FontSize = 11, Bold = false, ForeColor = Colors.DimGray } });
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 12;
        return new Chart(fileStem, title, howToRead, plot);
    }

    /// <summary>The same colour for a method in every chart of a report.</summary>
    public static Color ColorOf(string method, IReadOnlyList<string> methods) =>
        (methods.Count > 10 ? WidePalette : Palette).GetColor(Math.Max(0, methods.ToList().IndexOf(method)));

    public static Color ColorAt(int index) => Palette.GetColor(index);

    /// <summary>
    /// Series in reading order: the guide's strategies, then the .NET API rows, then the OS reference rows, each in
    /// the order the results list them (the order the suite declares its methods): OrderBy is a stable sort.
    /// </summary>
    public static IReadOnlyList<string> MethodsOf(IEnumerable<BenchmarkResult> results) =>
        results.OrderBy(result => Writers.ResultTable.GroupOrder(result.Case.Kind)).Select(result => result.Series).Distinct().ToList();

    /// <summary>ScottPlot has no log axis: data is plotted as log10, and ticks sit at the real values with real labels.</summary>
    public static void LogTicks(IAxis axis, IEnumerable<double> values, Func<double, string> label)
    {
        var distinct = values.Where(value => value > 0).Distinct().Order().ToArray();
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            distinct.Select(Math.Log10).ToArray(),
            distinct.Select(label).ToArray());
    }

    /// <summary>Decade ticks (0.001, 0.01, ..., 1) for a log axis spanning the given values.</summary>
    public static void LogDecadeTicks(IAxis axis, IEnumerable<double> values, Func<double, string> label)
    {
        var positive = values.Where(value => value > 0).ToList();
        int low = (int)Math.Floor(Math.Log10(positive.Min()));
        int high = (int)Math.Ceiling(Math.Log10(positive.Max()));
        LogTicks(axis, Enumerable.Range(low, high - low + 1).Select(exponent => Math.Pow(10, exponent)), label);
    }

    /// <summary>
    /// One series of grouped bars: a bar per (category, value), the series side by side within a category, as the
    /// <paramref name="series"/>-th of <paramref name="seriesCount"/>.
    /// </summary>
    public static ScottPlot.Plottables.BarPlot AddBars(Plot plot, string legend, Color color, int series, int seriesCount, IEnumerable<(int Category, double Value)> values)
    {
        double width = 0.8 / seriesCount;
        var bars = plot.Add.Bars(values.Select(value => new Bar
        {
            Position = value.Category - 0.4 + width * (series + 0.5),
            Value = value.Value,
            Size = width * 0.95,
            FillColor = color,
        }).ToList());
        bars.LegendText = legend;
        return bars;
    }

    /// <summary>Category labels at 0, 1, 2, ... (under grouped bars), or counting down from the top with <paramref name="topDown"/>.</summary>
    public static void CategoryTicks(IAxis axis, IReadOnlyList<string> labels, bool topDown = false) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            labels.Select((_, index) => (double)(topDown ? labels.Count - 1 - index : index)).ToArray(), labels.ToArray());

    /// <summary>Writes PNG and SVG side by side.</summary>
    public static Writers.SavedChart Save(Chart chart, string directory, int width = Width, int height = Height)
    {
        Directory.CreateDirectory(directory);
        var saved = new Writers.SavedChart(chart, Path.Combine(directory, chart.FileStem + ".png"), Path.Combine(directory, chart.FileStem + ".svg"));
        chart.Plot.SavePng(saved.Png, width, height);
        chart.Plot.SaveSvg(saved.Svg, width, height);
        return saved;
    }
}
