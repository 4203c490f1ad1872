using System.Net;
using System.Net.Sockets;

namespace SocketBench.Echo.Tests.Support;

/// <summary>A bare TCP peer that can misbehave: send any bytes, then see whether the server closed on it.</summary>
internal sealed class RawTcp : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public static async Task<RawTcp> ConnectAsync(IPEndPoint server)
    {
        var raw = new RawTcp();
        await raw._socket.ConnectAsync(server, Deadlines.Token());
        return raw;
    }

    public async Task SendAsync(byte[] bytes)
    {
        try
        {
            await _socket.SendAsync(bytes, SocketFlags.None, Deadlines.Token());
        }
        catch (SocketException)
        {
            // The server may already have closed on us; ClosedByServerAsync is what the tests check.
        }
    }

    /// <summary>True once the server has closed (EOF or reset); throws if it stays open past the deadline.</summary>
    public async Task<bool> ClosedByServerAsync(TimeSpan? within = null)
    {
        var buffer = new byte[4096];
        using var deadline = new CancellationTokenSource(within ?? Deadlines.Default);
        try
        {
            while (await _socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token) > 0)
            {
            }

            return true;
        }
        catch (SocketException)
        {
            return true;
        }
    }

    public void Close() => _socket.Close();

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
