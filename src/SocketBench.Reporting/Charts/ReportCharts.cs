namespace SocketBench.Reporting.Charts;

/// <summary>The report's charts, in the order the report shows them.</summary>
public static class ReportCharts
{
    public static IReadOnlyList<IChartBuilder> All { get; } =
    [
        new TimePerBufferChart(),
        new SpeedupChart(),
        new ThroughputChart(),
        new SendsPerBufferChart(),
        new DeliveredChart(),
        new LimitShareChart(),
        new LatencyChart(),
    ];
}
