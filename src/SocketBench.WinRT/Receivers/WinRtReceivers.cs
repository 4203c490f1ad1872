using System.Globalization;
using System.Runtime.InteropServices.WindowsRuntime;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Receivers;
using Windows.Networking.Sockets;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Receivers;

/// <summary>
/// Counts the datagrams a WinRT <see cref="DatagramSocket"/> delivers through <c>MessageReceived</c>.
/// As on the portable backend, a datagram of the marker's length carries a drain-marker id: the
/// socket's queue is first in, first out, so seeing marker k proves every datagram sent before it
/// was counted or lost. In verify mode each datagram's length, content and uniqueness are checked.
/// </summary>
public sealed class WinRtDatagramReceiver(int datagramSize, bool verify)
{
    private readonly HashSet<long> _seen = [];

    // MessageReceived may be raised on more than one thread; a marker must never overtake an earlier datagram's count.
    // The gate also guards the two read arrays below.
    private readonly Lock _gate = new();

    // Every datagram of a run has one of two lengths, the run's size or the marker's, so one array of each is read into
    // again and again: ReadBytes fills a whole array, and a datagram of any other length is a failure, never read.
    private readonly byte[] _datagram = new byte[datagramSize];
    private readonly byte[] _marker = new byte[UdpReceiver.MarkerLengthFor(datagramSize)];
    private long _datagrams;
    private long _bytes;
    private long _lastMarker;
    private volatile string? _failure;

    public int MarkerLength => _marker.Length;

    public long DatagramsReceived => Volatile.Read(ref _datagrams);

    public long BytesReceived => Volatile.Read(ref _bytes);

    public long LastMarkerSeen => Volatile.Read(ref _lastMarker);

    public string? Failure => _failure;

    /// <summary>The <c>MessageReceived</c> handler.</summary>
    public void OnMessageReceived(DatagramSocket sender, DatagramSocketMessageReceivedEventArgs args)
    {
        try
        {
            using DataReader reader = args.GetDataReader();
            lock (_gate)
            {
                Accept(reader);
            }
        }
        catch (Exception exception)
        {
            _failure ??= $"receiver failed: {WinRtSocketErrors.Describe(exception)}";
        }
    }

    private void Accept(DataReader reader)
    {
        uint length = reader.UnconsumedBufferLength;
        if (length == (uint)_datagram.Length)
        {
            reader.ReadBytes(_datagram);
            if (verify && PayloadPattern.DatagramProblem(_datagram, _seen) is { } problem)
            {
                _failure ??= problem;
                return;
            }

            Volatile.Write(ref _bytes, _bytes + _datagram.Length);
            Volatile.Write(ref _datagrams, _datagrams + 1);
        }
        else if (length == (uint)MarkerLength)
        {
            reader.ReadBytes(_marker);
            Volatile.Write(ref _lastMarker, BitConverter.ToInt64(_marker, 0));
        }
        else
        {
            _failure ??= string.Create(CultureInfo.InvariantCulture, $"a datagram of {length} bytes arrived; every datagram in this run is {_datagram.Length} bytes");
        }
    }
}

/// <summary>
/// The server side of a WinRT TCP session: started from <c>StreamSocketListener.ConnectionReceived</c>,
/// it reads the accepted socket's <c>InputStream</c> until the peer closes and publishes the byte count;
/// in verify mode it checks every byte's content and position.
/// </summary>
public sealed class WinRtStreamReceiver(StreamSocket socket, int bufferSize, bool verify) : IDisposable
{
    private const uint ReadSize = 1 << 20;

    private Task? _completion;
    private long _bytes;
    private volatile string? _failure;
    private volatile bool _stopping;

    /// <summary>Starts reading on the thread pool, as the portable receivers start their thread.</summary>
    public void Start() => _completion = Task.Run(ReadUntilClosedAsync);

    public long BytesReceived => Volatile.Read(ref _bytes);

    /// <summary>Why the receiver stopped early (a socket error or, in verify mode, the first wrong byte), or null.</summary>
    public string? Failure => _failure;

    private async Task ReadUntilClosedAsync()
    {
        var buffer = new Windows.Storage.Streams.Buffer(ReadSize);
        try
        {
            while (true)
            {
                IBuffer chunk = await socket.InputStream.ReadAsync(buffer, ReadSize, InputStreamOptions.Partial);
                if (chunk.Length == 0)
                {
                    return;
                }

                long offset = _bytes;
                if (verify && PayloadPattern.StreamProblem(chunk.ToArray(), offset, bufferSize) is { } problem)
                {
                    _failure ??= problem;
                    return;
                }

                Volatile.Write(ref _bytes, offset + chunk.Length);
            }
        }
        catch (Exception exception)
        {
            // Disposing the socket aborts the pending read: the expected way out, not a failure.
            if (!_stopping)
            {
                _failure ??= $"receiver stopped: {WinRtSocketErrors.Describe(exception)}";
            }
        }
    }

    public void Dispose()
    {
        _stopping = true;
        socket.Dispose();
        _completion?.Wait(TimeSpan.FromSeconds(5));
    }
}
