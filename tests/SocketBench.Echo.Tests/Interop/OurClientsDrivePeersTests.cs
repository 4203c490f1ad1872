using System.Net.Sockets;
using System.Text;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Tests.Support;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Tests.Interop;

/// <summary>Our clients against echo servers made of standard tools (socat's PIPE address echoes what it reads).</summary>
public sealed class OurClientsDrivePeersTests
{
    [PeerFact("socat")]
    public async Task Tcp_line_client_works_against_a_socat_echo_server()
    {
        int port = TestServers.ClosedPort();
        using var socat = PeerProcess.Start("socat", $"TCP-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork", "PIPE");
        await using var client = await ConnectWhenListeningAsync(new EchoClientOptions(EchoProtocol.TcpLine) { Host = "127.0.0.1", Port = port });

        Assert.Equal("through socat ✓", Encoding.UTF8.GetString((await client.EchoAsync(Encoding.UTF8.GetBytes("through socat ✓"))).Span));
    }

    [PeerFact("ncat")]
    public async Task Tcp_length_client_works_against_an_ncat_echo_server()
    {
        int port = TestServers.ClosedPort();
        using var ncat = PeerProcess.Start("ncat", "-l", "-k", "127.0.0.1", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--exec", "/bin/cat");
        await using var client = await ConnectWhenListeningAsync(new EchoClientOptions(EchoProtocol.TcpLength) { Host = "127.0.0.1", Port = port });

        Assert.Equal("length-prefixed", Encoding.UTF8.GetString((await client.EchoAsync("length-prefixed"u8.ToArray())).Span));
    }

    [PeerFact("socat")]
    public async Task Udp_client_works_against_a_socat_echo_server()
    {
        int port = TestServers.ClosedPort(SocketType.Dgram);
        using var socat = PeerProcess.Start("socat", "-d", "-d", $"UDP-LISTEN:{port},bind=127.0.0.1", "PIPE");
        // UDP has no handshake to wait on: poll with short timeouts until socat answers. socat's UDP-LISTEN
        // serves the first sender only, so every attempt comes from the same local port.
        var options = new EchoClientOptions(EchoProtocol.Udp)
        {
            Host = "127.0.0.1",
            Port = port,
            LocalPort = TestServers.ClosedPort(SocketType.Dgram),
            Timeout = TimeSpan.FromMilliseconds(500),
        };
        var deadline = DateTime.UtcNow + Deadlines.Default;
        while (true)
        {
            try
            {
                await using var client = await EchoClient.ConnectAsync(options);
                Assert.Equal("udp through socat", Encoding.UTF8.GetString((await client.EchoAsync("udp through socat"u8.ToArray())).Span));
                return;
            }
            catch (SocketBench.Core.Errors.SocketStatusException e) when (DateTime.UtcNow < deadline || Fail(e, socat))
            {
                await Task.Delay(50);
            }
        }
    }

    [PeerFact("socat")]
    public async Task Tls_client_works_against_a_socat_tls_echo_server()
    {
        using var files = new TempFiles();
        using var certificate = SelfSignedCertificates.CreateLocalhostServer();
        var (certPath, keyPath) = files.WritePem("server", certificate);
        int port = TestServers.ClosedPort();
        using var socat = PeerProcess.Start("socat", $"OPENSSL-LISTEN:{port},bind=127.0.0.1,reuseaddr,fork,cert={certPath},key={keyPath},verify=0", "PIPE");
        var tls = new TlsClientSettings(TrustedAuthorities: [certificate]);
        await using var client = await ConnectWhenListeningAsync(new EchoClientOptions(EchoProtocol.TcpLine) { Host = "localhost", Port = port, Tls = tls });

        Assert.Equal("tls through socat", Encoding.UTF8.GetString((await client.EchoAsync("tls through socat"u8.ToArray())).Span));
    }

    private static bool Fail(Exception e, PeerProcess peer) => throw new InvalidOperationException($"{e.Message}; the peer printed:\n{peer.Output}", e);

    /// <summary>The tool needs a moment to bind; retry refused connections until the deadline.</summary>
    private static async Task<EchoClient> ConnectWhenListeningAsync(EchoClientOptions options)
    {
        var deadline = DateTime.UtcNow + Deadlines.Default;
        while (true)
        {
            try
            {
                return await EchoClient.ConnectAsync(options with { Timeout = Deadlines.Default });
            }
            catch (SocketBench.Core.Errors.SocketStatusException e) when (e.Status == SocketBench.Core.Errors.SocketStatus.ConnectionRefused && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }
        }
    }
}
