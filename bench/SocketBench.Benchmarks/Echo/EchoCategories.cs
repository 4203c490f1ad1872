namespace SocketBench.Benchmarks.Echo;

/// <summary>Category names for the echo benchmarks (filter with --anyCategories RoundTrip).</summary>
public static class EchoCategories
{
    public const string RoundTrip = "RoundTrip";
}
