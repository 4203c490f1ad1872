using System.Globalization;

namespace SocketBench.Benchmarks.Limits;

/// <summary>A second UDP source: <c>sockperf tp</c> against <c>sockperf sr</c> on 127.0.0.1, one message per datagram of the row's size.</summary>
public static class SockperfLimit
{
    public static LimitMeasurement Measure(LimitTool sockperf, LimitCase limit, int seconds)
    {
        string port = ToolServer.FreePort().ToString(CultureInfo.InvariantCulture);
        string[] arguments = ["tp", "-i", "127.0.0.1", "-p", port, "-m", limit.BytesPerSendCall.ToString(CultureInfo.InvariantCulture), "-t", seconds.ToString(CultureInfo.InvariantCulture)];
        string command = "sockperf " + string.Join(' ', arguments);
        var (run, failure) = ToolServer.RunClient(sockperf, ["sr", "-i", "127.0.0.1", "-p", port], "to block on socket", leavesByItself: false, arguments, seconds);
        if (run is null)
        {
            return LimitRecord.Failed(sockperf, command, limit, failure!);
        }

        try
        {
            double messages = SockperfOutput.MessagesPerSecond(run.Output + run.Error);
            return LimitRecord.Measured(sockperf, command, limit, messages * limit.BytesPerSendCall * 8 / 1e9, messages, null, "sent");
        }
        catch (FormatException error)
        {
            return LimitRecord.Failed(sockperf, command, limit, error.Message);
        }
    }
}
