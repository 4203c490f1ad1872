using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Charts;

/// <summary>Builds zero or more charts of one kind from a result set (none when the results hold nothing to draw).</summary>
public interface IChartBuilder
{
    IEnumerable<Chart> Build(ResultSet results);
}
