namespace SocketBench.Reporting.Model;

/// <summary>The machine and runtime a result set was measured on, as BenchmarkDotNet recorded it.</summary>
public sealed record HostInfo(string Os, string Processor, int LogicalCores, string Runtime, string Architecture, string BenchmarkDotNetVersion)
{
    public static HostInfo Unknown { get; } = new("unknown OS", "unknown CPU", 0, "unknown runtime", "unknown", "?");

    /// <summary>One line for chart captions and report headers.</summary>
    public string Caption => $"{Processor}, {LogicalCores} logical cores · {OsShort} {Architecture} · {RuntimeShort} · BenchmarkDotNet {BenchmarkDotNetVersion}";

    /// <summary>"Linux Debian GNU/Linux 12 (bookworm)" is "Debian GNU/Linux 12": enough to tell machines apart in a caption.</summary>
    public string OsShort => Os.StartsWith("Linux ", StringComparison.Ordinal) ? Os["Linux ".Length..].Split(" (", 2)[0] : Os.Split(" (", 2)[0];

    /// <summary>The runtime without its build details: ".NET 10.0.12 (10.0.12, ...)" is ".NET 10.0.12".</summary>
    public string RuntimeShort => Runtime.Split(" (", 2)[0];
}
