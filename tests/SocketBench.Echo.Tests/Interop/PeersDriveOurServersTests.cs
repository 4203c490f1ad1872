using System.Security.Cryptography.X509Certificates;
using SocketBench.Echo.Tests.Support;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Tests.Interop;

/// <summary>Standard tools no one here wrote, as clients of our servers.</summary>
public sealed class PeersDriveOurServersTests
{
    [PeerFact("socat")]
    public async Task Socat_gets_its_line_back_from_the_tcp_line_server()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log);
        using var socat = PeerProcess.Start("socat", "-", $"TCP:127.0.0.1:{server.LocalEndPoint.Port}");

        await socat.SendLineAsync("hello from socat ✓");

        await socat.WaitForOutputAsync("hello from socat ✓");
        await log.WaitForAsync("server received the request: \"hello from socat ✓\"");
    }

    [PeerFact("ncat")]
    public async Task Ncat_with_crlf_gets_its_line_back_from_the_tcp_line_server()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log);
        using var ncat = PeerProcess.Start("ncat", "-C", "127.0.0.1", server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await ncat.SendLineAsync("hello from ncat");

        await ncat.WaitForOutputAsync("hello from ncat");
        // -C sends CRLF; the server drops the CR rather than echo it as part of the text.
        await log.WaitForAsync("server received the request: \"hello from ncat\"");
    }

    [PeerFact("socat")]
    public async Task Socat_gets_its_datagram_back_from_the_udp_server()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.Udp, log);
        using var socat = PeerProcess.Start("socat", "-", $"UDP:127.0.0.1:{server.LocalEndPoint.Port}");

        await socat.SendLineAsync("datagram from socat");

        await socat.WaitForOutputAsync("datagram from socat");
    }

    [PeerFact("ncat")]
    public async Task Ncat_gets_its_datagram_back_from_the_udp_server()
    {
        var log = new RecordingLog();
        await using var server = TestServers.Start(EchoProtocol.Udp, log);
        using var ncat = PeerProcess.Start("ncat", "-u", "127.0.0.1", server.LocalEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));

        await ncat.SendLineAsync("datagram from ncat");

        await ncat.WaitForOutputAsync("datagram from ncat");
    }

    [PeerFact("openssl")]
    public async Task Openssl_s_client_gets_its_line_back_over_tls()
    {
        var log = new RecordingLog();
        using var certificate = SelfSignedCertificates.CreateLocalhostServer();
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log, o => o with { Tls = new TlsServerSettings(certificate) });
        using var openssl = PeerProcess.Start("openssl", "s_client", "-connect", $"127.0.0.1:{server.LocalEndPoint.Port}", "-quiet");

        await openssl.SendLineAsync("hello over tls");

        await openssl.WaitForOutputAsync("hello over tls");
        await log.WaitForAsync("server received the request: \"hello over tls\"");
    }

    [PeerFact("openssl")]
    public async Task Openssl_s_client_with_a_client_certificate_passes_a_server_that_requires_one()
    {
        using var files = new TempFiles();
        using var serverCertificate = SelfSignedCertificates.CreateLocalhostServer();
        using var authority = TestCertificates.CreateAuthority("interop CA");
        using var clientCertificate = TestCertificates.CreateClient("openssl client", authority);
        var (certPath, keyPath) = files.WritePem("client", clientCertificate);
        var log = new RecordingLog();
        var tls = new TlsServerSettings(serverCertificate, ClientCertificates: new ClientCertificatePolicy([authority], null));
        await using var server = TestServers.Start(EchoProtocol.TcpLine, log, o => o with { Tls = tls });
        using var openssl = PeerProcess.Start("openssl", "s_client", "-connect", $"127.0.0.1:{server.LocalEndPoint.Port}", "-quiet", "-cert", certPath, "-key", keyPath);

        await openssl.SendLineAsync("mutual tls");

        await openssl.WaitForOutputAsync("mutual tls");
    }
}
