using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SocketBench.Core.Errors;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Tests.Support;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Tests.Tls;

public sealed class TlsEchoTests
{
    private static readonly X509Certificate2 ServerCertificate = SelfSignedCertificates.CreateLocalhostServer();
    private static readonly X509Certificate2 Authority = TestCertificates.CreateAuthority("SocketBench test CA");
    private static readonly X509Certificate2 OtherAuthority = TestCertificates.CreateAuthority("Someone else's CA");

    [Theory]
    [InlineData(EchoProtocol.TcpLine, SslProtocols.Tls12)]
    [InlineData(EchoProtocol.TcpLine, SslProtocols.Tls13)]
    [InlineData(EchoProtocol.TcpLength, SslProtocols.Tls12)]
    [InlineData(EchoProtocol.TcpLength, SslProtocols.Tls13)]
    public async Task Echoes_over_tls(EchoProtocol protocol, SslProtocols version)
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(protocol, log, o => o with { Tls = new TlsServerSettings(ServerCertificate, version) });
        var tls = new TlsClientSettings(version, TrustedAuthorities: [ServerCertificate]);
        await using var client = await EchoClient.ConnectAsync(TestServers.ClientFor(server, protocol) with { Host = "localhost", Tls = tls });

        Assert.Equal("secret ✓"u8.ToArray(), (await client.EchoAsync("secret ✓"u8.ToArray())).ToArray());
    }

    [Fact]
    public async Task An_untrusted_server_certificate_is_CertificateUntrustedRoot()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log, o => o with { Tls = new TlsServerSettings(ServerCertificate) });

        var error = await Assert.ThrowsAsync<SocketStatusException>(() =>
            EchoClient.ConnectAsync(TestServers.ClientFor(server, EchoProtocol.TcpLine) with { Tls = new TlsClientSettings() }));

        Assert.Equal(SocketStatus.CertificateUntrustedRoot, error.Status);
    }

    [Fact]
    public async Task A_client_certificate_from_the_required_ca_is_accepted()
    {
        using var clientCertificate = TestCertificates.CreateClient("good client", Authority);
        await using var server = StartRequiringClientCertificates(new RecordingLog(), new ClientCertificatePolicy([Authority], null));

        await using var client = await EchoClient.ConnectAsync(ClientOptions(server, clientCertificate));

        Assert.Equal("mutual"u8.ToArray(), (await client.EchoAsync("mutual"u8.ToArray())).ToArray());
    }

    [Fact]
    public async Task A_client_certificate_matching_the_thumbprint_is_accepted()
    {
        using var clientCertificate = TestCertificates.CreateClient("pinned client", OtherAuthority);
        var sha256 = Convert.ToHexString(clientCertificate.GetCertHash(HashAlgorithmName.SHA256));
        await using var server = StartRequiringClientCertificates(new RecordingLog(), new ClientCertificatePolicy(null, sha256));

        await using var client = await EchoClient.ConnectAsync(ClientOptions(server, clientCertificate));

        Assert.Equal("pinned"u8.ToArray(), (await client.EchoAsync("pinned"u8.ToArray())).ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_missing_or_foreign_client_certificate_is_refused_with_a_logged_reason(bool foreign)
    {
        using var clientCertificate = foreign ? TestCertificates.CreateClient("stranger", OtherAuthority) : null;
        var log = new RecordingLog();
        await using var server = StartRequiringClientCertificates(log, new ClientCertificatePolicy([Authority], null));

        var error = await Assert.ThrowsAsync<SocketStatusException>(async () =>
        {
            await using var client = await EchoClient.ConnectAsync(ClientOptions(server, clientCertificate));
            await client.EchoAsync("let me in"u8.ToArray());
        });

        Assert.Equal(SocketStatus.TlsHandshakeFailed, error.Status);
        await log.WaitForAsync(foreign ? "not accepted by the given CA" : "sent no certificate");
        Assert.DoesNotContain(log.Lines, l => l.Contains("let me in", StringComparison.Ordinal));
    }

    private static SocketBench.Echo.Servers.EchoServer StartRequiringClientCertificates(RecordingLog log, ClientCertificatePolicy policy) =>
        TestServers.Start(EchoProtocol.TcpLine, log, o => o with { Tls = new TlsServerSettings(ServerCertificate, ClientCertificates: policy) });

    private static EchoClientOptions ClientOptions(SocketBench.Echo.Servers.EchoServer server, X509Certificate2? clientCertificate) =>
        TestServers.ClientFor(server, EchoProtocol.TcpLine) with
        {
            Host = "localhost",
            Tls = new TlsClientSettings(ClientCertificate: clientCertificate, TrustedAuthorities: [ServerCertificate]),
        };
}
