using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SocketBench.Core.Batches;
using SocketBench.Core.Peers;
using SocketBench.Sockets;
using SocketBench.Sockets.Sessions;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Remote;
using SocketBench.Sockets.Remote.Sink;

namespace SocketBench.Sockets.Tests;

/// <summary>
/// The sink protocol on loopback, with no namespaces needed: remote sessions against an in-process sink
/// deliver everything in verify mode, learn the sink's own counts, and hear about a failed check.
/// </summary>
public sealed class RemoteSinkTests : IDisposable
{
    private const int Batches = 8;

    private readonly ConcurrentQueue<string> _log = new();
    private readonly SinkServer _sink;
    private readonly PeerAddress _peer;

    public RemoteSinkTests()
    {
        _sink = SinkServer.Start(new IPEndPoint(IPAddress.Loopback, 0), _log.Enqueue);
        _peer = new PeerAddress("127.0.0.1", _sink.Port);
    }

    [Theory]
    [MemberData(nameof(SendPathTests.EveryMethod), MemberType = typeof(SendPathTests))]
    public async Task Every_method_delivers_every_verified_buffer_to_the_sink(Transport transport, SendMethod method)
    {
        using var session = RemoteSessions.Open(new BatchShape(transport, 1024, 16), _peer, new SessionOptions(Verify: true));

        for (int batch = 0; batch < Batches; batch++)
        {
            await session.SendBatchAsync(method);
        }

        session.WaitForDelivery();
        var delivery = session.Delivery;
        Assert.Equal(1024L * 16 * Batches, delivery.BytesSent);
        Assert.Equal(delivery.BytesSent, delivery.BytesDelivered);
        Assert.Equal(delivery.BuffersSent, delivery.BuffersDelivered);
    }

    [Fact]
    public async Task The_udp_sink_closes_its_session_on_goodbye_and_logs_what_it_counted()
    {
        using (var session = RemoteSessions.Open(new BatchShape(Transport.Udp, 64, 64), _peer))
        {
            await session.SendBatchAsync(SendMethod.SendMmsg);
            session.WaitForDelivery();
            Assert.Equal(1, _sink.OpenUdpSessions);
        }

        Assert.True(SpinWait.SpinUntil(() => _sink.OpenUdpSessions == 0, TimeSpan.FromSeconds(5)), "the sink kept the session open after goodbye");
        Assert.Contains(_log, line => line.Contains("closed: 64 datagrams, 4096 bytes received", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void The_udp_sink_forces_a_receive_queue_above_rmem_max_where_it_may()
    {
        // SO_RCVBUFFORCE needs root or CAP_NET_ADMIN; without, SO_RCVBUF stops at rmem_max and there is nothing to tell apart.
        Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "forcing a receive queue needs Linux and root");
        int rmemMax = int.Parse(File.ReadAllText("/proc/sys/net/core/rmem_max").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Skip.If(rmemMax >= SocketBuffers.RequestedReceiveQueue, $"rmem_max ({rmemMax}) already allows the requested queue");

        using var session = (UdpSession)RemoteSessions.Open(new BatchShape(Transport.Udp, 64, 1), _peer);

        // Linux reports twice the room it grants.
        Assert.Equal(2 * SocketBuffers.RequestedReceiveQueue, session.ReceiveBufferBytes);
    }

    [Fact]
    public void A_tcp_check_that_fails_on_the_sink_is_reported_to_the_sender()
    {
        // Says "verify" but sends bytes that are not the pattern, as a corrupting network would.
        using var raw = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        raw.Connect(IPAddress.Loopback, _sink.Port);
        raw.Send(SinkWire.TcpHello(64, verify: true));
        raw.Send(new byte[64]);
        var reply = new byte[512];
        raw.ReceiveTimeout = 5000;
        int received = 0;
        while (received < reply.Length && raw.Receive(reply, received, reply.Length - received, SocketFlags.None) is var count and > 0)
        {
            received += count;
        }

        Assert.Equal(SinkWire.FailureMark, BitConverter.ToInt64(reply, 0));
        Assert.Contains("stream byte 8 (buffer 0, offset 8)", System.Text.Encoding.UTF8.GetString(reply, 10, received - 10));
    }

    [Fact]
    public void A_peer_with_no_sink_is_one_line_naming_it()
    {
        var nobody = new PeerAddress("127.0.0.1", FreeTcpPort());

        var error = Assert.Throws<PeerUnreachableException>(() => RemoteSessions.Open(new BatchShape(Transport.Tcp, 64, 1), nobody));

        Assert.Contains($"peer {nobody} unreachable", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("10.203.0.2", "expected HOST:PORT")]
    [InlineData("10.203.0.2:0", "the port must be")]
    [InlineData("10.203.0.2:65535", "the port must be")]
    [InlineData("::1:5201", "in brackets")]
    [InlineData("my_host:5201", "the host must be")]
    public void A_bad_peer_is_one_line_quoting_it_with_an_example(string value, string why)
    {
        var error = Assert.Throws<ArgumentException>(() => PeerAddress.Parse(value));

        Assert.Contains($"'{value}'", error.Message);
        Assert.Contains(why, error.Message);
        Assert.Contains("Example: --peer 10.203.0.2:5201", error.Message);
    }

    [Fact]
    public void An_ipv6_peer_in_brackets_parses_and_prints_back()
    {
        var peer = PeerAddress.Parse("[::1]:5201");

        Assert.Equal("::1", peer.Host);
        Assert.Equal(5204, peer.UdpEchoPort);
        Assert.Equal("[::1]:5201", peer.ToString());
    }

    private static int FreeTcpPort()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)probe.LocalEndPoint!).Port;
    }

    public void Dispose() => _sink.Dispose();
}
