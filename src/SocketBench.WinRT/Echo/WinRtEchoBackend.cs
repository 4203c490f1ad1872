using SocketBench.Echo;
using SocketBench.Echo.Backends;

namespace SocketBench.WinRT.Echo;

/// <summary>
/// The echo harness on Windows.Networking.Sockets: the same options, limits, log lines and statuses as the portable
/// one, so the CLI and the contract tests drive either through an <see cref="EchoBackend"/>. Windows only.
/// </summary>
public static class WinRtEchoBackend
{
    public static EchoBackend Instance { get; } = new(
        async (options, log) => options.Protocol.IsTcp()
            ? await WinRtTcpEchoServer.StartAsync(options, log).ConfigureAwait(false)
            : await WinRtUdpEchoServer.StartAsync(options, log).ConfigureAwait(false),
        async (options, cancellationToken) => options.Protocol.IsTcp()
            ? await WinRtTcpEchoClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false)
            : await WinRtUdpEchoClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false));
}
