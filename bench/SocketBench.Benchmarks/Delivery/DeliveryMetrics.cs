using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;

namespace SocketBench.Benchmarks.Delivery;

/// <summary>
/// The two figures a case's session counts itself. As BenchmarkDotNet metrics they land in the full
/// JSON export beside the timings, where report, compare and gate read them.
/// </summary>
public static class DeliveryMetrics
{
    public static IMetricDescriptor SendsPerBuffer { get; } = new Descriptor(
        "SendsPerBuffer", "Sends/buffer", "Send system calls per buffer, counted by the backend (1 = one kernel transition per buffer); on WinRT, WriteAsync and FlushAsync calls per buffer, its system calls not being visible; absent on .NET API rows, whose sends happen inside .NET and are not counted", "0.000", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>TLS rows only: SslStream.Write calls per buffer (Sends/buffer there counts the socket writes under them).</summary>
    public static IMetricDescriptor TlsWritesPerBuffer { get; } = new Descriptor(
        "TlsWritesPerBuffer", "TLS writes/buffer", "TLS rows: SslStream.Write calls per buffer", "0.000", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>TLS rows only: records on the wire per buffer, read from the record headers.</summary>
    public static IMetricDescriptor TlsRecordsPerBuffer { get; } = new Descriptor(
        "TlsRecordsPerBuffer", "Records/buffer", "TLS rows: TLS records (up to 16 KiB of plaintext each) per buffer", "0.000", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>What the sending thread allocated per batch in steady state: exact, unlike the process-wide Allocated column.</summary>
    public static IMetricDescriptor SenderBytesPerBatch { get; } = new Descriptor(
        "SenderBytesPerBatch", "Sender B/batch", "Bytes the sending thread allocated per batch in its leanest invocation (steady state, delivery wait excluded)", "0", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>The kernel's own count of the sending socket's send system calls per buffer, any thread (perf tracepoints).</summary>
    public static IMetricDescriptor KernelSendsPerBuffer { get; } = new Descriptor(
        "KernelSendsPerBuffer", "Kernel sends/buffer", "Send system calls per buffer on the sending socket, counted by the kernel (syscall tracepoints, every thread of the process) over the case's first, unmeasured invocation; must equal the code's count there", "0.000", TheGreaterTheBetter: false, ShownAsColumn: true);

    /// <summary>In the JSON only: kernel-counted minus code-counted sends over the same window; anything but 0 fails the run.</summary>
    public static IMetricDescriptor KernelSendDifference { get; } = new Descriptor(
        "KernelSendDifference", "Kernel - code sends", "Send system calls the kernel counted minus those the code counted over the same window (0 = they agree)", "0", TheGreaterTheBetter: false, ShownAsColumn: false);

    /// <summary>In the JSON only: the table shows it through the Delivered column, which flags loss.</summary>
    public static IMetricDescriptor DeliveredPercent { get; } = new Descriptor(
        "DeliveredPercent", "Delivered %", "Bytes the receiver counted as a percentage of bytes sent, over every invocation of the case", "0.00", TheGreaterTheBetter: true, ShownAsColumn: false);

    // The properties in the order BenchmarkDotNet's JSON export has always written them.
    private sealed record Descriptor(
        string Id, string DisplayName, string Legend, string NumberFormat, UnitType UnitType = UnitType.Dimensionless, string Unit = "", bool TheGreaterTheBetter = false, int PriorityInCategory = 0, bool ShownAsColumn = true)
        : IMetricDescriptor
    {
        // Not a public property: the JSON export writes every public property of a descriptor.
        private readonly bool ShownAsColumn = ShownAsColumn;

        public bool GetIsAvailable(Metric metric) => ShownAsColumn;
    }
}
