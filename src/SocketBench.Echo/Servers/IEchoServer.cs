using System.Net;

namespace SocketBench.Echo.Servers;

/// <summary>A running echo server. Disposing it stops accepting, closes every connection and waits for them.</summary>
public interface IEchoServer : IAsyncDisposable
{
    IPEndPoint LocalEndPoint { get; }

    /// <summary>Completes when the server has stopped: after <see cref="IAsyncDisposable.DisposeAsync"/>, or after one request with Once.</summary>
    Task Completion { get; }
}
