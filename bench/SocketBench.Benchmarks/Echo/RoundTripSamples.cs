namespace SocketBench.Benchmarks.Echo;

/// <summary>
/// Every request's own round-trip time, carried from the process that ran the case to the host's columns
/// (BenchmarkDotNet's percentiles are of iteration means, not of requests). The file sits beside the
/// delivery ledger, which the host points every benchmark process at, and is named after the case.
/// </summary>
public static class RoundTripSamples
{
    /// <summary>Enough for every request of a default-job case; older samples (pilot, warmup) are dropped first.</summary>
    public const int Capacity = 1 << 20;

    public static string? PathFor(RoundTripCase protocol, int bufferSize) =>
        Environment.GetEnvironmentVariable(Delivery.DeliveryLedger.PathVariable) is { Length: > 0 } ledger
            ? Path.Combine(Path.GetDirectoryName(ledger)!, $"echo-rtt-{protocol}-{bufferSize}.bin")
            : null;

    /// <summary>Writes samples oldest first, in nanoseconds.</summary>
    public static void Write(string path, IEnumerable<double> nanoseconds)
    {
        using var writer = new BinaryWriter(File.Create(path));
        foreach (double sample in nanoseconds)
        {
            writer.Write(sample);
        }
    }

    public static double[] Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var samples = new double[bytes.Length / sizeof(double)];
        Buffer.BlockCopy(bytes, 0, samples, 0, samples.Length * sizeof(double));
        return samples;
    }
}
