using System.Globalization;
using System.Text.Json.Serialization;
using SocketBench.Core.Sending;

namespace SocketBench.Core.Cases;

/// <summary>The stream or socket a case's data travels on.</summary>
public enum CaseTransport
{
    Tcp,
    Udp,

    /// <summary>TLS 1.3 over a TCP stream.</summary>
    Tls,
}

/// <summary>What a case's code is: the guide's strategies, the OS's own primitives, .NET's own send APIs, or an echo round trip.</summary>
public enum CaseKind
{
    /// <summary>One of the guide's three strategies over the suite's output: SocketBench code runs here.</summary>
    Strategy,

    /// <summary>The OS's own send primitive, no output abstraction: the limit for a batch shape.</summary>
    OsReference,

    /// <summary>A request and its echo over one of the echo harnesses.</summary>
    RoundTrip,

    /// <summary>
    /// A send path of .NET's own APIs (NetworkStream, Socket.SendAsync, PipeWriter, BufferedStream, SslStream), written as a
    /// .NET developer would, with default options: what batching buys code that does not use the suite's output.
    /// </summary>
    DotNetApi,
}

/// <summary>How many send calls a method makes for a batch, on the OS that ran it: what the "Send path" label promises.</summary>
public enum SendPattern
{
    /// <summary>One send call per buffer (or datagram), batched or not.</summary>
    PerBuffer,

    /// <summary>Fewer send calls than buffers once a batch has more than one.</summary>
    Batched,

    /// <summary>Not a send row (echo round trips).</summary>
    None,

    /// <summary>The backend does not show its system calls (WinRT): the counter counts stream calls, so there is no promise to check.</summary>
    NotVisible,
}

/// <summary>What a row's "Sends/buffer" counter counts.</summary>
public enum CountedCalls
{
    /// <summary>Send system calls the SocketBench code made (send, sendmsg, sendmmsg...).</summary>
    SystemCalls,

    /// <summary>WriteAsync and FlushAsync calls on a WinRT output stream: the kernel's sends are not visible on that backend.</summary>
    StreamCalls,

    /// <summary>
    /// Nothing: the row's sends are made inside .NET's own code (the .NET API rows), where SocketBench cannot count them,
    /// so the row has no Sends/buffer rather than a guess. Only a counter in the kernel can fill it in.
    /// </summary>
    NotCounted,
}

/// <summary>
/// What one benchmark case is, as data: declared on the benchmark (class and method categories, parameters),
/// read once from the BenchmarkDotNet case by the host, written beside the export, and read back by report,
/// compare and gate. <see cref="Id"/> is BenchmarkDotNet's full name, the key results are matched on.
/// </summary>
public sealed record CaseRecord(
    string Id,
    Backend Backend,
    CaseTransport Transport,
    string Method,
    CaseKind Kind,
    int BufferSize,
    int BufferCount)
{
    /// <summary>The system calls the method makes on the OS that measured it, e.g. "sendmsg per batch".</summary>
    public string SendPath { get; init; } = "";

    public SendPattern Pattern { get; init; } = SendPattern.None;

    /// <summary>What Sends/buffer counts for this row: system calls, or stream calls where the backend hides its system calls.</summary>
    public CountedCalls Counts { get; init; } = CountedCalls.SystemCalls;

    /// <summary>The echo protocol of a round trip (e.g. "TcpLength"), from the case's Protocol parameter; null for sends.</summary>
    public string? Variant { get; init; }

    /// <summary>TCP_NODELAY of a TCP or TLS row (TLS sets it always); null on UDP and for echo rows.</summary>
    public bool? NoDelay { get; init; }

    /// <summary>
    /// Bytes one send call hands to the kernel: a buffer for per-buffer methods, the batch for a TCP gather,
    /// a datagram on UDP. A loopback limit tool (iperf3 <c>-l</c>) is run with it, so a row meets the same work per call.
    /// </summary>
    public long BytesPerSendCall { get; init; }

    /// <summary>The OS reference row that is the limit for its batch shape (the batch in one raw call).</summary>
    public bool IsShapeLimit { get; init; }

    /// <summary>The row speedups are measured against (the benchmark's BenchmarkDotNet baseline: PerBufferAwait).</summary>
    public bool IsBaseline { get; init; }

    /// <summary>"TCP FlushBatched 64 B × 64": how tables and verdicts name the row (with "Nagle on" where TCP_NODELAY is off).</summary>
    [JsonIgnore]
    public string Label => string.Create(CultureInfo.InvariantCulture, $"{TransportLabel} {Method} {ShapeLabel}{(NoDelay == false ? " Nagle on" : "")}");

    [JsonIgnore]
    public string TransportLabel => (Transport, Kind) switch
    {
        (_, CaseKind.RoundTrip) => $"Echo {Variant}",
        (CaseTransport.Tls, _) => "TLS",
        (var transport, _) => transport.ToString().ToUpperInvariant(),
    } + (Backend == Backend.WinRT ? " (WinRT)" : "");

    // Private, so not written to the record.
    private string ShapeLabel => BufferSize >= 1024 && BufferSize % 1024 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{BufferSize / 1024} KiB × {BufferCount}")
        : string.Create(CultureInfo.InvariantCulture, $"{BufferSize} B × {BufferCount}");

    /// <summary>
    /// Why the counted sends per buffer contradict <see cref="SendPath"/>, or null when they agree: a label is a
    /// promise about system calls, and the counter says whether the run kept it.
    /// </summary>
    public string? SendPathContradiction(double sendsPerBuffer) => Pattern switch
    {
        SendPattern.PerBuffer when Math.Abs(sendsPerBuffer - 1) > 1e-9 =>
            string.Create(CultureInfo.InvariantCulture, $"labelled '{SendPath}' but counted {sendsPerBuffer:0.000} sends per buffer"),
        SendPattern.Batched when BufferCount > 1 && sendsPerBuffer >= 1 =>
            string.Create(CultureInfo.InvariantCulture, $"labelled '{SendPath}' but counted {sendsPerBuffer:0.000} sends per buffer: nothing was batched"),
        _ => null,
    };
}

/// <summary>What the loopback limit tool accepts, shared by the step that runs it and the report that reads its figures.</summary>
public static class Iperf3Limits
{
    /// <summary>The most iperf3 writes per call (it refuses a larger <c>-l</c>): a batch above it has no iperf3 limit.</summary>
    public const long MaxBytesPerCall = 1 << 20;
}
