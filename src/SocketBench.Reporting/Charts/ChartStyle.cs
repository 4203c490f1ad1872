using System.Globalization;
using ScottPlot;
using SocketBench.Core.Cases;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>What every chart shares: size, title, axis labels with units, the machine caption, one colour per method, log axes.</summary>
public static class ChartStyle
{
    public const int Width = 1000;
    public const int Height = 560;

    private static readonly IPalette Palette = new ScottPlot.Palettes.Category10();

    // With the .NET API rows a full report has more than ten series: Category10 would give two of them one colour.
    private static readonly IPalette WidePalette = new ScottPlot.Palettes.Category20();

    public static Plot Create(string title, string xLabel, string yLabel, string caption)
    {
        var plot = new Plot();
        plot.Title(title, size: 18);
        plot.XLabel(xLabel, size: 14);
        plot.YLabel(yLabel, size: 14);
        var captionPanel = new ScottPlot.Panels.TitlePanel();
        captionPanel.Label.Text = caption;
        captionPanel.Label.FontSize = 11;
        captionPanel.Label.Bold = false;
        captionPanel.Label.ForeColor = Colors.DimGray;
        plot.Axes.AddPanel(captionPanel);
        plot.Legend.Alignment = Alignment.UpperLeft;
        plot.Legend.FontSize = 12;
        return plot;
    }

    /// <summary>The same colour for a method in every chart of a report.</summary>
    public static Color ColorOf(string method, IReadOnlyList<string> methods) =>
        (methods.Count > 10 ? WidePalette : Palette).GetColor(Math.Max(0, IndexOf(methods, method)));

    public static Color ColorAt(int index) => Palette.GetColor(index);

    /// <summary>
    /// Series in reading order: the guide's strategies, then the .NET API rows, then the OS reference rows, each in
    /// the order the results list them (the order the suite declares its methods).
    /// </summary>
    public static IReadOnlyList<string> MethodsOf(IEnumerable<BenchmarkResult> results) =>
        results.Select((result, index) => (result, index))
            .OrderBy(pair => pair.result.Case.Kind switch { CaseKind.Strategy => 0, CaseKind.DotNetApi => 1, CaseKind.OsReference => 2, _ => 3 })
            .ThenBy(pair => pair.index)
            .Select(pair => pair.result.Series).Distinct().ToList();

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

    /// <summary>Category labels under grouped bars.</summary>
    public static void CategoryTicks(IAxis axis, IReadOnlyList<double> positions, IReadOnlyList<string> labels) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericManual(positions.ToArray(), labels.ToArray());

    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>Writes PNG and SVG side by side; returns the two paths.</summary>
    public static (string Png, string Svg) Save(Chart chart, string directory, int width = Width, int height = Height)
    {
        Directory.CreateDirectory(directory);
        string png = Path.Combine(directory, chart.FileStem + ".png");
        string svg = Path.Combine(directory, chart.FileStem + ".svg");
        chart.Plot.SavePng(png, width, height);
        chart.Plot.SaveSvg(svg, width, height);
        return (png, svg);
    }

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int index = 0; index < list.Count; index++)
        {
            if (list[index] == item)
            {
                return index;
            }
        }

        return -1;
    }
}
