using System.Runtime.InteropServices.WindowsRuntime;
using SocketBench.Sockets.Buffers;
using Windows.Networking.Sockets;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Receivers;

/// <summary>
/// The server side of a WinRT TCP session: started from <c>StreamSocketListener.ConnectionReceived</c>,
/// it reads the accepted socket's <c>InputStream</c> until the peer closes and publishes the byte count;
/// in verify mode it checks every byte's content and position.
/// </summary>
public sealed class WinRtStreamReceiver : IDisposable
{
    private const uint ReadSize = 1 << 20;

    private readonly StreamSocket _socket;
    private readonly int _bufferSize;
    private readonly bool _verify;
    private long _bytes;
    private volatile string? _failure;
    private volatile bool _stopping;

    public WinRtStreamReceiver(StreamSocket socket, int bufferSize, bool verify)
    {
        _socket = socket;
        _bufferSize = bufferSize;
        _verify = verify;
        Completion = Task.Run(ReadUntilClosedAsync);
    }

    public long BytesReceived => Volatile.Read(ref _bytes);

    /// <summary>Why the receiver stopped early (a socket error or, in verify mode, the first wrong byte), or null.</summary>
    public string? Failure => _failure;

    /// <summary>Completes when the read loop ends.</summary>
    public Task Completion { get; }

    private async Task ReadUntilClosedAsync()
    {
        var buffer = new Windows.Storage.Streams.Buffer(ReadSize);
        try
        {
            while (true)
            {
                IBuffer chunk = await _socket.InputStream.ReadAsync(buffer, ReadSize, InputStreamOptions.Partial);
                if (chunk.Length == 0)
                {
                    return;
                }

                long offset = _bytes;
                if (_verify && !Verify(chunk.ToArray(), offset))
                {
                    return;
                }

                Volatile.Write(ref _bytes, offset + chunk.Length);
            }
        }
        catch (Exception exception) when (!_stopping)
        {
            _failure ??= $"receiver stopped: {WinRtSocketErrors.Describe(exception)}";
        }
        catch (Exception) when (_stopping)
        {
            // Disposing the socket aborts the pending read: the expected way out.
        }
    }

    private bool Verify(byte[] chunk, long streamOffset)
    {
        long mismatch = PayloadPattern.FirstStreamMismatch(chunk, streamOffset, _bufferSize);
        if (mismatch < 0)
        {
            return true;
        }

        _failure ??= PayloadPattern.DescribeStreamMismatch(chunk[mismatch - streamOffset], mismatch, _bufferSize);
        return false;
    }

    public void Dispose()
    {
        _stopping = true;
        _socket.Dispose();
        Completion.Wait(TimeSpan.FromSeconds(5));
    }
}
