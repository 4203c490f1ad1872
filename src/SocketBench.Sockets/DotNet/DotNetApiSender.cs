using System.Buffers;
using System.Globalization;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using SocketBench.Core.Cases;
using SocketBench.Sockets.Buffers;

namespace SocketBench.Sockets.DotNet;

/// <summary>
/// Sends batches through .NET's own send APIs, each in the form its documentation shows, with default options.
/// What a user keeps for the life of a connection (the NetworkStream, the PipeWriter, the BufferedStream, the
/// segment list of a fixed payload) is made on first use and kept, so a batch pays what a steady-state sender pays.
/// </summary>
/// <remarks>
/// The send calls happen inside .NET and are not counted here; only the buffers and bytes handed over are, after
/// each batch has completed (so a wait for delivery knows its target).
/// </remarks>
internal sealed class DotNetApiSender(CaseTransport transport, Socket? socket, Stream? stream) : IDisposable
{
    private PipeWriter? _pipe;
    private BufferedStream? _buffered;
    private List<ArraySegment<byte>>? _segments;

    /// <summary>A connected TCP or UDP socket; on TCP with the NetworkStream a user would write to.</summary>
    public static DotNetApiSender OverSocket(CaseTransport transport, Socket socket) =>
        new(transport, socket, transport == CaseTransport.Tcp ? new NetworkStream(socket, ownsSocket: false) : null);

    /// <summary>The client's SslStream of a TLS session; the socket under it is not used directly.</summary>
    public static DotNetApiSender OverTls(SslStream tls) => new(CaseTransport.Tls, socket: null, tls);

    /// <summary>
    /// Sends one batch of <paramref name="total"/> bytes with <paramref name="api"/>; completes once every buffer is in
    /// the kernel (or in .NET's hands for the kernel, after a flush).
    /// </summary>
    public ValueTask SendBatchAsync(DotNetApi api, IReadOnlyList<PinnedBuffer> buffers, long total, SendCounters counters)
    {
        // Describe refuses an API the transport does not offer, naming the valid ones, before anything is sent.
        _ = DotNetApis.Describe(transport, api, onLinux: true);
        counters.SendsInsideDotNet = true;
        return SendAsync(api, buffers, total, counters);
    }

    // Loops index rather than foreach: foreach over an IReadOnlyList boxes an enumerator per batch, which the
    // allocation figure would then blame on the API under test.
    private async ValueTask SendAsync(DotNetApi api, IReadOnlyList<PinnedBuffer> buffers, long total, SendCounters counters)
    {
        switch (api)
        {
            case DotNetApi.NetworkStreamWriteAsync:
            case DotNetApi.SslStreamWriteAsync:
                for (int index = 0; index < buffers.Count; ++index)
                {
                    await stream!.WriteAsync(buffers[index].Memory);
                }

                break;
            case DotNetApi.SocketSendAsyncWaitAll:
                SendAllThenWaitAll(socket!, buffers);
                break;
            case DotNetApi.PipeWriterFlush:
                _pipe ??= PipeWriter.Create(stream!);
                for (int index = 0; index < buffers.Count; ++index)
                {
                    // A copy into the pipe's pooled segments; nothing reaches the stream before FlushAsync.
                    _pipe.Write(buffers[index].Span);
                }

                await _pipe.FlushAsync();
                break;
            case DotNetApi.BufferedStreamFlush:
                _buffered ??= new BufferedStream(stream!);
                for (int index = 0; index < buffers.Count; ++index)
                {
                    await _buffered.WriteAsync(buffers[index].Memory);
                }

                await _buffered.FlushAsync();
                break;
            case DotNetApi.SocketSendAsyncList:
                ThrowIfShort(await socket!.SendAsync(SegmentsOf(buffers), SocketFlags.None), total, "Socket.SendAsync(IList<ArraySegment<byte>>)");
                break;
            default:
                for (int index = 0; index < buffers.Count; ++index)
                {
                    ThrowIfShort(await socket!.SendAsync(buffers[index].Memory, SocketFlags.None), buffers[index].Length, "Socket.SendAsync");
                }

                break;
        }

        counters.AddBatch(buffers.Count, total);
    }

    private static void SendAllThenWaitAll(Socket socket, IReadOnlyList<PinnedBuffer> buffers)
    {
        var pendingSends = new Task<int>[buffers.Count];
        for (int index = 0; index < buffers.Count; ++index)
        {
            // Started, kept as a task, not awaited: the next send starts before this one is looked at.
            pendingSends[index] = socket.SendAsync(buffers[index].Memory, SocketFlags.None).AsTask();
        }

        Task.WaitAll(pendingSends);
        for (int index = 0; index < pendingSends.Length; ++index)
        {
            // Socket.SendAsync promises no full send on a stream (NetworkStream does): a short one would lose bytes silently.
            ThrowIfShort(pendingSends[index].Result, buffers[index].Length, "Socket.SendAsync");
        }
    }

    /// <summary>The batch's segment list, built once (a session always sends its one fixed payload), as a sender of fixed buffers would keep it.</summary>
    private List<ArraySegment<byte>> SegmentsOf(IReadOnlyList<PinnedBuffer> buffers) => _segments ??= [.. buffers.Select(buffer => buffer.Segment)];

    private static void ThrowIfShort(long sent, long offered, string call)
    {
        if (sent != offered)
        {
            throw new IOException(string.Create(CultureInfo.InvariantCulture, $"{call} sent {sent} of {offered} bytes: a short send would lose the rest."));
        }
    }

    public void Dispose()
    {
        // Both layers close the stream under them (PipeWriter.Create's default is not to leave it open): the NetworkStream
        // does not own the socket, and the session closes the SslStream itself anyway.
        _pipe?.Complete();
        _buffered?.Dispose();
        if (transport == CaseTransport.Tcp)
        {
            stream?.Dispose();
        }
    }
}
