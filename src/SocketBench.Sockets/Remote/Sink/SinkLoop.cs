using System.Net.Sockets;

namespace SocketBench.Sockets.Remote.Sink;

/// <summary>
/// What the TCP and UDP sinks share: one socket served by a thread of its own until disposed, then
/// every session it opened closed. A thread, like the loopback receivers, so the sink never waits
/// for the thread pool.
/// </summary>
internal abstract class SinkLoop : IDisposable
{
    private readonly Thread _thread;
    private volatile bool _stopping;

    protected SinkLoop(Socket socket, Action<string> log, string name)
    {
        Socket = socket;
        Log = log;
        _thread = new Thread(Serve) { IsBackground = true, Name = name };
    }

    protected Socket Socket { get; }

    protected Action<string> Log { get; }

    protected bool Stopping => _stopping;

    /// <summary>Runs <paramref name="prepare"/> (bind, listen, options) on a new socket, disposing it if that fails.</summary>
    protected static Socket Prepared(Socket socket, Action<Socket> prepare)
    {
        try
        {
            prepare(socket);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    protected void Start() => _thread.Start();

    /// <summary>The loop: returns once the socket is closed.</summary>
    protected abstract void Serve();

    /// <summary>Closes every session still open, after the loop has ended.</summary>
    protected abstract void CloseSessions();

    public void Dispose()
    {
        _stopping = true;
        Socket.Dispose();
        _thread.Join(TimeSpan.FromSeconds(5));
        CloseSessions();
    }
}
