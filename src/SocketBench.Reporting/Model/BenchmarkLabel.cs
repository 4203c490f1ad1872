namespace SocketBench.Reporting.Model;

/// <summary>
/// A benchmark ID short enough for a console table:
/// "SocketBench.Benchmarks.Sending.TcpSendBenchmarks.FlushBatched(BufferSize: 64, BufferCount: 16, NoDelay: True)"
/// is "TcpSend.FlushBatched(BufferSize: 64, BufferCount: 16, NoDelay: True)". Files keep the full ID.
/// </summary>
public static class BenchmarkLabel
{
    public static string Short(string fullName)
    {
        int open = fullName.IndexOf('(', StringComparison.Ordinal);
        string head = open < 0 ? fullName : fullName[..open];
        string parameters = open < 0 ? "" : fullName[open..];
        string[] parts = head.Split('.');
        string typeAndMethod = parts.Length >= 2
            ? parts[^2].Replace("Benchmarks", "", StringComparison.Ordinal) + "." + parts[^1]
            : head;
        return typeAndMethod + parameters;
    }
}
