using SocketBench.Echo.Clients;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;

namespace SocketBench.Echo.Backends;

/// <summary>
/// The echo harness on one socket API: what the CLI and the contract tests need to start a server and connect a
/// client without knowing which backend is underneath. Options, limits, log lines and error statuses are shared.
/// </summary>
/// <param name="StartServerAsync">Starts a server; it is bound (and a taken port has failed) when the task completes.</param>
/// <param name="ConnectAsync">Connects a client. A malformed host fails with InvalidHostName before any lookup or connection.</param>
public sealed record EchoBackend(
    Func<EchoServerOptions, EchoLog, Task<EchoServer>> StartServerAsync,
    Func<EchoClientOptions, CancellationToken, Task<EchoClient>> ConnectAsync)
{
    /// <summary>The echo harness on System.Net.Sockets, on every OS.</summary>
    public static EchoBackend Portable { get; } = new((options, log) => Task.FromResult(EchoServer.Start(options, log)), EchoClient.ConnectAsync);
}
