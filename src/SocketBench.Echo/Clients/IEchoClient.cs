using System.Net;

namespace SocketBench.Echo.Clients;

/// <summary>A connected echo client. Not thread-safe: one request at a time, as the protocols require.</summary>
public interface IEchoClient : IAsyncDisposable
{
    EndPoint RemoteEndPoint { get; }

    /// <summary>Sends one message and returns the reply's payload, valid until the next call.</summary>
    ValueTask<ReadOnlyMemory<byte>> EchoAsync(ReadOnlyMemory<byte> request, CancellationToken cancellationToken = default);
}
