namespace SocketBench.Core.Cases;

/// <summary>
/// One loopback limit tool run as <c>loopback-limits.json</c> records it, for the benchmark step that writes it and the
/// report that reads it: what ran (tool, version, command line), for which limit, and either its rate ("measured") or,
/// when it failed, the one-line reason. Never an estimate.
/// </summary>
public sealed record LimitRun(
    string Tool,
    string ToolVersion,
    string Command,
    string Transport,
    long BytesPerSendCall,
    bool? NoDelay,
    string Status,
    double? GigabitsPerSecond,
    double? DatagramsPerSecond,
    double? LossPercent,
    string? RateSide,
    string? Reason,
    DateTime MeasuredAt)
{
    public const string Measured = "measured";
    public const string Failed = "failed";
}
