using System.Globalization;
using System.Text.Json;

namespace SocketBench.Reporting.Tests;

/// <summary>
/// The figures report.md tabulates, held against BenchmarkDotNet's own full JSON export, read here with
/// <see cref="JsonDocument"/> rather than the suite's loader, so a loader or formatter that drifts is caught.
/// </summary>
public sealed class ReportFiguresTests
{
    [Theory]
    [InlineData("FlushBatched", 64, 64)]
    [InlineData("PerBufferAwait", 1024, 16)]
    [InlineData("GatherSend", 16384, 256)]
    public void Time_per_buffer_sends_per_buffer_and_throughput_are_the_exports_figures(string method, int size, int count)
    {
        string export = Directory.GetFiles(TestFiles.Samples, "*.TcpSendBenchmarks-report-full.json").Single();
        using var document = JsonDocument.Parse(File.ReadAllText(export));
        var benchmark = document.RootElement.GetProperty("Benchmarks").EnumerateArray().Single(candidate =>
            candidate.GetProperty("Method").GetString() == method
            && candidate.GetProperty("Parameters").GetString()!.Split('&') is var parameters
            && parameters.Contains($"BufferSize={size}") && parameters.Contains($"BufferCount={count}"));
        double nanosecondsPerBatch = benchmark.GetProperty("Statistics").GetProperty("Mean").GetDouble();
        double Metric(string id) => benchmark.GetProperty("Metrics").EnumerateArray()
            .Single(metric => metric.GetProperty("Descriptor").GetProperty("Id").GetString() == id).GetProperty("Value").GetDouble();
        string output = TestFiles.TempFolder();

        var run = CliRun.Of("report", TestFiles.Samples, "--out", output);

        Assert.Equal(0, run.ExitCode);
        var table = TestFiles.Section(File.ReadAllText(Path.Combine(output, "report.md")), "### TCP\n")
            .Split('\n').Where(line => line.StartsWith("| ", StringComparison.Ordinal)).Select(Cells).ToList();
        var header = table[0];
        var row = table.Single(cells => cells[header.IndexOf("Method")] == method && cells[header.IndexOf("Backend")] == "Sockets"
            && cells[header.IndexOf("BufferSize")] == Size(size) && cells[header.IndexOf("BufferCount")] == count.ToString(CultureInfo.InvariantCulture));
        // Three significant figures in the table: within half a unit of the last one.
        double timePerBuffer = Nanoseconds(row[header.IndexOf("Time/buffer")]);
        Assert.InRange(nanosecondsPerBatch / count, timePerBuffer * 0.995, timePerBuffer * 1.005);
        Assert.InRange(Metric("SendsPerBuffer"), Number(row[header.IndexOf("Sends/buffer")]) - 0.0005, Number(row[header.IndexOf("Sends/buffer")]) + 0.0005);
        double gigabits = size * (double)count * 8 * Metric("DeliveredPercent") / 100 / nanosecondsPerBatch;
        Assert.InRange(gigabits, Number(row[header.IndexOf("Gbit/s")]) - 0.0005, Number(row[header.IndexOf("Gbit/s")]) + 0.0005);
    }

    private static List<string> Cells(string line) => line.Trim().Trim('|').Split(" | ").Select(cell => cell.Trim()).ToList();

    private static string Size(int bytes) => bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} B";

    private static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static double Nanoseconds(string cell)
    {
        string[] parts = cell.Split(' ');
        return Number(parts[0]) * parts[1] switch
        {
            "ns" => 1,
            "µs" => 1e3,
            "ms" => 1e6,
            _ => throw new FormatException($"Unknown time unit in '{cell}'."),
        };
    }
}
