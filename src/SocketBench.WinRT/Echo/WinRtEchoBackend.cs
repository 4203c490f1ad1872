using SocketBench.Core.Sending;
using SocketBench.Echo;
using SocketBench.Echo.Backends;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;

namespace SocketBench.WinRT.Echo;

/// <summary>
/// The echo harness on Windows.Networking.Sockets: the same options, limits, log lines and statuses as the portable
/// one, so the CLI and the contract tests drive either through <see cref="IEchoBackend"/>. Windows only.
/// </summary>
public sealed class WinRtEchoBackend : IEchoBackend
{
    public Backend Backend => Backend.WinRT;

    public async Task<IEchoServer> StartServerAsync(EchoServerOptions options, IEchoLog log) => options.Protocol.IsTcp()
        ? await WinRtTcpEchoServer.StartAsync(options, log).ConfigureAwait(false)
        : await WinRtUdpEchoServer.StartAsync(options, log).ConfigureAwait(false);

    public async Task<IEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken = default) => options.Protocol.IsTcp()
        ? await WinRtTcpEchoClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false)
        : await WinRtUdpEchoClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
}
