namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// One tool run as <c>loopback-limits.json</c> records it: what ran (tool, version, command line), for
/// which limit, and either its rate or, when it failed, the one-line reason. Never an estimate.
/// </summary>
public sealed record LimitMeasurement(
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

    /// <summary>A rate the tool reported.</summary>
    public static LimitMeasurement Rate(LimitTool tool, string command, LimitCase limit, double gigabits, double? datagrams, double? loss, string side) =>
        new(tool.Name, tool.Version!, command, limit.Transport.ToString().ToUpperInvariant(), limit.BytesPerSendCall, limit.NoDelay,
            Measured, gigabits, datagrams, loss, side, null, DateTime.UtcNow);

    /// <summary>A run that failed, with its one-line reason.</summary>
    public static LimitMeasurement Failure(LimitTool tool, string command, LimitCase limit, string reason) =>
        new(tool.Name, tool.Version!, command, limit.Transport.ToString().ToUpperInvariant(), limit.BytesPerSendCall, limit.NoDelay,
            Failed, null, null, null, null, reason, DateTime.UtcNow);
}
