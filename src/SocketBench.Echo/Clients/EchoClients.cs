using SocketBench.Echo.Errors;

namespace SocketBench.Echo.Clients;

/// <summary>Connects the client for a protocol. The host is checked first, so a malformed one never reaches DNS or the network.</summary>
public static class EchoClients
{
    public static async Task<IEchoClient> ConnectAsync(EchoClientOptions options, CancellationToken cancellationToken = default)
    {
        Check(options);
        return options.Protocol.IsTcp()
            ? await TcpEchoClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false)
            : await UdpEchoClient.ConnectAsync(options, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rejects a malformed host (InvalidHostName) and option combinations no backend can serve, before any lookup.</summary>
    public static void Check(EchoClientOptions options)
    {
        HostNames.Validate(options.Host);
        if (options.Tls is not null && !options.Protocol.IsTcp())
        {
            throw new ArgumentException("TLS runs over TCP only: use --protocol tcp-line or tcp-length with --tls");
        }
    }
}
