namespace SocketBench.Benchmarks.Limits;

/// <summary>Builds the two kinds of <see cref="LimitMeasurement"/>: a rate the tool reported, or a failure with its reason.</summary>
internal static class LimitRecord
{
    public static LimitMeasurement Measured(LimitTool tool, string command, LimitCase limit, double gigabits, double? datagrams, double? loss, string side) =>
        new(tool.Name, tool.Version!, command, limit.Transport.ToString().ToUpperInvariant(), limit.BytesPerSendCall, limit.NoDelay,
            LimitMeasurement.Measured, gigabits, datagrams, loss, side, null, DateTime.UtcNow);

    public static LimitMeasurement Failed(LimitTool tool, string command, LimitCase limit, string reason) =>
        new(tool.Name, tool.Version!, command, limit.Transport.ToString().ToUpperInvariant(), limit.BytesPerSendCall, limit.NoDelay,
            LimitMeasurement.Failed, null, null, null, null, reason, DateTime.UtcNow);
}
