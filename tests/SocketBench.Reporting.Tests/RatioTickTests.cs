using SocketBench.Reporting.Charts;

namespace SocketBench.Reporting.Tests;

/// <summary>The ratio chart's x-axis labels: wide intervals widen the axis, and the labels must still not run together.</summary>
public sealed class RatioTickTests
{
    [Theory]
    // A gate whose 3-round intervals reach 0.2× and 6× (the CI chart of 2026-12-02), and one whose rows all sit near 1×.
    [InlineData(0.2, 6.0)]
    [InlineData(0.9, 1.15)]
    public void Labels_keep_a_tenth_of_the_axis_apart_and_1x_is_always_one(double lowest, double highest)
    {
        double low = Math.Log10(lowest), high = Math.Log10(highest);

        var ticks = RatioChart.RatioTicks(low, high);

        Assert.Contains(1.0, ticks);
        Assert.True(ticks.Count >= 3, string.Join(", ", ticks));
        var positions = ticks.Select(Math.Log10).Order().ToList();
        Assert.All(positions.Zip(positions.Skip(1)), pair => Assert.True(pair.Second - pair.First >= (high - low) / 10, string.Join(", ", ticks)));
    }
}
