using SocketBench.Core.Sending;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;

namespace SocketBench.Echo.Backends;

/// <summary>The echo harness on System.Net.Sockets, on every OS.</summary>
public sealed class PortableEchoBackend : IEchoBackend
{
    public static PortableEchoBackend Instance { get; } = new();

    public Backend Backend => Backend.Sockets;

    public Task<IEchoServer> StartServerAsync(EchoServerOptions options, IEchoLog log) =>
        Task.FromResult(EchoServers.Start(options, log));

    public Task<IEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken = default) =>
        EchoClients.ConnectAsync(options, cancellationToken);
}
