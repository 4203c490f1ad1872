namespace SocketBench.Core.Cases;

/// <summary>
/// The benchmark categories that split the rows into the groups an A/B gate runs in processes of their own, one
/// transport each (the echo round trips apart). Every benchmark class carries exactly one of them; a test holds each
/// class to it, so no row falls outside every group.
/// </summary>
public static class RowGroups
{
    public static IReadOnlyList<string> Categories { get; } = ["RoundTrip", "Tcp", "Tls", "Udp"];
}
