using SocketBench.Core.Cases;

namespace SocketBench.Sockets.DotNet;

/// <summary>
/// The send paths .NET code really uses, each written as a .NET developer would with default options. The names
/// are benchmark method names, part of every published benchmark ID, so they never change.
/// </summary>
public enum DotNetApi
{
    /// <summary>TCP: <c>await networkStream.WriteAsync(buffer)</c> for each buffer.</summary>
    NetworkStreamWriteAsync,

    /// <summary>
    /// TCP: one <c>Socket.SendAsync</c> started per buffer, every task kept, then <c>Task.WaitAll</c>: the guide's
    /// C#-only technique on .NET's own tasks.
    /// </summary>
    SocketSendAsyncWaitAll,

    /// <summary>TCP and TLS: <c>PipeWriter.Create(stream)</c> with default options, every buffer written, one <c>FlushAsync</c> per batch.</summary>
    PipeWriterFlush,

    /// <summary>TCP and TLS: a <c>BufferedStream</c> of the default size, <c>await WriteAsync</c> per buffer, one <c>FlushAsync</c> per batch.</summary>
    BufferedStreamFlush,

    /// <summary>TCP: the batch as one <c>Socket.SendAsync(IList&lt;ArraySegment&lt;byte&gt;&gt;)</c>, .NET's own gather send.</summary>
    SocketSendAsyncList,

    /// <summary>TLS: <c>await sslStream.WriteAsync(buffer)</c> for each buffer.</summary>
    SslStreamWriteAsync,

    /// <summary>Connected UDP: <c>await socket.SendAsync(buffer)</c> for each datagram.</summary>
    SocketSendAsync,
}

/// <summary>What each .NET API row is on each transport: which ones exist, the system calls they make, and the bytes per call.</summary>
public static class DotNetApis
{
    /// <summary>
    /// The chunk both of .NET's buffering layers hand to the stream below, as created with default options:
    /// <c>PipeWriter.Create(stream)</c> fills pooled segments of at least 4 KiB (StreamPipeWriterOptions' minimum
    /// buffer size) and writes each to the stream on flush; <c>new BufferedStream(stream)</c> has a 4 KiB buffer and
    /// writes it out whenever it fills. The rows are declared at buffers smaller than this, where several buffers
    /// share one write (a test keeps them there).
    /// </summary>
    public const int DefaultChunkBytes = 4096;

    /// <summary>
    /// The APIs measured on a transport. TLS has no WaitAll row: SslStream throws NotSupportedException when a write
    /// starts while another is still in progress, so "start every write, then Task.WaitAll" is either a crash (a write
    /// that had to wait for room) or, when every write finishes before the next starts, the per-buffer row again.
    /// UDP has only the per-datagram send: a stream or buffering layer over a datagram socket would merge datagrams.
    /// </summary>
    public static IReadOnlyList<DotNetApi> For(CaseTransport transport) => transport switch
    {
        CaseTransport.Tcp => [DotNetApi.NetworkStreamWriteAsync, DotNetApi.SocketSendAsyncWaitAll, DotNetApi.PipeWriterFlush, DotNetApi.BufferedStreamFlush, DotNetApi.SocketSendAsyncList],
        CaseTransport.Tls => [DotNetApi.SslStreamWriteAsync, DotNetApi.PipeWriterFlush, DotNetApi.BufferedStreamFlush],
        CaseTransport.Udp => [DotNetApi.SocketSendAsync],
        _ => throw new ArgumentOutOfRangeException(nameof(transport), transport, "Unknown transport."),
    };

    /// <summary>
    /// The system calls the API makes, as observed with strace on Linux (.NET 10): the "Send path" label. Nothing in
    /// the process counts these sends (they happen inside .NET), so the label is what a kernel counter is to check.
    /// </summary>
    public static string Describe(CaseTransport transport, DotNetApi api, bool onLinux) => (transport, api) switch
    {
        // WaitAll too: each send runs at once on a socket with room, before the next is even started: nothing is left pending to coalesce.
        (CaseTransport.Tcp, DotNetApi.NetworkStreamWriteAsync or DotNetApi.SocketSendAsyncWaitAll) => "send per buffer",
        (CaseTransport.Tcp, DotNetApi.PipeWriterFlush) => "send per 4 KiB pipe segment",
        (CaseTransport.Tcp, DotNetApi.BufferedStreamFlush) => "send per 4 KiB buffer fill",
        (CaseTransport.Tcp, DotNetApi.SocketSendAsyncList) => onLinux ? "sendmsg per batch" : "gather send per batch",
        (CaseTransport.Tls, DotNetApi.SslStreamWriteAsync) => "TLS record + send per buffer",
        (CaseTransport.Tls, DotNetApi.PipeWriterFlush) => "TLS record + send per 4 KiB pipe segment",
        (CaseTransport.Tls, DotNetApi.BufferedStreamFlush) => "TLS record + send per 4 KiB buffer fill",
        (CaseTransport.Udp, DotNetApi.SocketSendAsync) => "send per datagram",
        _ => throw new ArgumentOutOfRangeException(nameof(api), api, $"{api} is not a {transport} .NET API row. Valid: {string.Join(", ", For(transport))}."),
    };

    /// <summary>How many sends the label promises: one per buffer, or fewer once a batch has more than one buffer.</summary>
    public static SendPattern Pattern(DotNetApi api) => api switch
    {
        DotNetApi.PipeWriterFlush or DotNetApi.BufferedStreamFlush or DotNetApi.SocketSendAsyncList => SendPattern.Batched,
        _ => SendPattern.PerBuffer,
    };

    /// <summary>
    /// Bytes one send call carries (plaintext on TLS): a buffer for the per-buffer APIs, the batch for the gather send,
    /// and a 4 KiB chunk (or the whole batch when smaller) for the two buffering layers.
    /// </summary>
    public static long BytesPerSendCall(DotNetApi api, int bufferSize, int bufferCount) => api switch
    {
        DotNetApi.SocketSendAsyncList => (long)bufferSize * bufferCount,
        DotNetApi.PipeWriterFlush or DotNetApi.BufferedStreamFlush => Math.Min((long)bufferSize * bufferCount, DefaultChunkBytes),
        _ => bufferSize,
    };
}
