using SocketBench.Core.Sending;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;

namespace SocketBench.Echo.Backends;

/// <summary>
/// The echo harness on one socket API: what the CLI and the contract tests need to start a server and connect a
/// client without knowing which backend is underneath. Options, limits, log lines and error statuses are shared.
/// </summary>
public interface IEchoBackend
{
    Backend Backend { get; }

    /// <summary>Starts a server; it is bound (and a taken port has failed) when the task completes.</summary>
    Task<IEchoServer> StartServerAsync(EchoServerOptions options, IEchoLog log);

    /// <summary>Connects a client. A malformed host fails with InvalidHostName before any lookup or connection.</summary>
    Task<IEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken = default);
}
