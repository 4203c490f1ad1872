using System.Net.Security;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SocketBench.Core.Batches;
using SocketBench.Sockets.DotNet;
using SocketBench.Sockets.Outputs;
using SocketBench.Sockets.Receivers;

namespace SocketBench.Sockets.Sessions;

/// <summary>
/// TLS 1.3 over a TCP loopback pair: an SslStream on each end, the strategies writing plaintext to the
/// client's and the receiver reading plaintext from the server's. Delivery is plaintext bytes received.
/// The handshake happens once, when the session opens, and is not counted.
/// </summary>
internal sealed class TlsSession(BatchShape shape, SessionOptions options, Socket sender, Socket accepted, CountingTlsTransport transport, SslStream client, SslStream server)
    : StreamSession(
        shape,
        options,
        sender,
        (_, counters) =>
        {
            transport.StartCounting(counters);
            return new TlsSendOutput(client, counters);
        },
        new TlsReceiver(accepted, server, shape.BufferSize, options.Verify) { Mode = options.Receiver })
{

    /// <summary>The rows' name: the benchmark class that measures them is called Tls...</summary>
    public override string Protocol => "Tls";

    /// <summary>What the handshake settled on: always TLS 1.3, since nothing else is offered.</summary>
    public SslProtocols NegotiatedProtocol { get; } = client.SslProtocol;

    private protected override bool OffersRawSends => false;

    public static TlsSession Create(BatchShape shape, SessionOptions options)
    {
        var (sender, accepted) = TcpSession.ConnectPair(options);
        var transport = new CountingTlsTransport(new NetworkStream(sender, ownsSocket: false));
        var client = new SslStream(transport, leaveInnerStreamOpen: false);
        var server = new SslStream(new NetworkStream(accepted, ownsSocket: false), leaveInnerStreamOpen: false);
        try
        {
            Handshake(client, server);
            if (options.Receiver == ReceiverMode.Inline)
            {
                // An inline read blocks on the benchmark thread: data that should already be queued and is not means a broken run.
                accepted.ReceiveTimeout = 30_000;
            }

            return new TlsSession(shape, options, sender, accepted, transport, client, server);
        }
        catch
        {
            client.Dispose();
            server.Dispose();
            sender.Dispose();
            accepted.Dispose();
            throw;
        }
    }

    private static void Handshake(SslStream client, SslStream server)
    {
        // Blocking handshakes, the server's on another thread: the sockets never see an async call,
        // so they stay in the blocking mode the TCP rows use.
        var serverSide = Task.Run(() => server.AuthenticateAsServer(new SslServerAuthenticationOptions
        {
            ServerCertificate = LoopbackCertificate.Instance,
            EnabledSslProtocols = SslProtocols.Tls13,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        }));
        try
        {
            client.AuthenticateAsClient(new SslClientAuthenticationOptions
            {
                TargetHost = LoopbackCertificate.HostName,
                EnabledSslProtocols = SslProtocols.Tls13,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = (_, certificate, _, _) => LoopbackCertificate.IsThisCertificate(certificate),
            });
            serverSide.GetAwaiter().GetResult();
        }
        catch (AuthenticationException exception)
        {
            throw new PlatformNotSupportedException(
                $"The TLS 1.3 handshake over loopback failed on {RuntimeInformation.OSDescription}: {exception.Message} TLS rows need TLS 1.3 (OpenSSL 1.1.1+, Windows 11 or Server 2022+).",
                exception);
        }
    }

    /// <summary>The .NET API rows write to the client's SslStream, the one the guide's strategies write to, as a user's code would.</summary>
    private protected override DotNetApiSender CreateDotNetApiSender() => DotNetApiSender.OverTls(client);

    private protected override void SendReferenceBatch(SendMethod method) =>
        throw new ArgumentOutOfRangeException(nameof(method), method,
            "TLS rows have only the guide's three strategies: a raw send would put plaintext inside the TLS stream.");

    public override void Dispose()
    {
        // The output closes the client's SslStream (close_notify), which ends the receiver's read loop.
        base.Dispose();
        server.Dispose();
    }
}

/// <summary>
/// The server certificate of every TLS loopback session in this process: self-signed, made in memory
/// the first time a session needs it (key generation costs milliseconds; a benchmark case must not pay it).
/// </summary>
internal static class LoopbackCertificate
{
    public const string HostName = "socketbench.loopback";

    private static readonly Lazy<X509Certificate2> Shared = new(Create);

    public static X509Certificate2 Instance => Shared.Value;

    private static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(7));

        // An in-memory key is not usable by every platform's TLS server: a PKCS#12 round trip gives it a home.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The client trusts exactly this certificate, by its thumbprint: no machine trust store is involved.</summary>
    public static bool IsThisCertificate(X509Certificate? presented) =>
        presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == Instance.GetCertHashString(HashAlgorithmName.SHA256);
}
