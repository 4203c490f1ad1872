using System.Diagnostics;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;
using SocketBench.Core.Peers;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Sockets;
using SocketBench.Sockets.Sessions;
using SocketBench.Sockets.Remote;

namespace SocketBench.Reporting.Tests.Peers;

/// <summary>
/// Remote peers for real: serve in a second network namespace behind a veth pair (scripts/netns-peer),
/// the test process sending from the root namespace. Skipped, with the reason, where namespaces cannot
/// be made (not root, no `ip`, a sandbox); loss and delay tests skip where the kernel lacks the means.
/// </summary>
[Collection(RealBenchmarkRuns.Name)]
public sealed class NetnsPeerTests
{
    [SkippableFact]
    public async Task Every_send_method_delivers_every_verified_buffer_across_the_veth()
    {
        NetnsPeer.SkipUnlessAny("netns");
        using var peer = NetnsPeer.Start();

        foreach (var transport in (Transport[])[Transport.Tcp, Transport.Udp])
        {
            foreach (var method in SendMethods.For(transport))
            {
                using var session = RemoteSessions.Open(new BatchShape(transport, 1024, 16), peer.Address, new SessionOptions(Verify: true));
                for (int batch = 0; batch < 16; batch++)
                {
                    await session.SendBatchAsync(method);
                }

                session.WaitForDelivery();
                var delivery = session.Delivery;
                Assert.True(delivery.BytesSent == 1024L * 16 * 16, $"{transport} {method}: sent {delivery.BytesSent}");
                Assert.True(delivery.BytesDelivered == delivery.BytesSent, $"{transport} {method}: delivered {delivery.BytesDelivered} of {delivery.BytesSent} bytes");
            }
        }
    }

    [SkippableFact]
    public async Task With_loss_tcp_delivers_every_byte_and_udp_accounts_for_every_datagram()
    {
        NetnsPeer.SkipUnlessAny("netns");
        NetnsPeer.SkipUnlessAny("netem", "nft-loss");
        using var peer = NetnsPeer.Start("--loss", "3");

        foreach (var method in (SendMethod[])[SendMethod.PerBufferAwait, SendMethod.FlushBatched])
        {
            using var tcp = RemoteSessions.Open(new BatchShape(Transport.Tcp, 1024, 64), peer.Address, new SessionOptions(Verify: true));
            for (int batch = 0; batch < 32; batch++)
            {
                await tcp.SendBatchAsync(method);
            }

            tcp.WaitForDelivery();
            Assert.True(tcp.Delivery.BytesDelivered == tcp.Delivery.BytesSent, $"TCP {method} with loss: {tcp.Delivery.BytesDelivered} of {tcp.Delivery.BytesSent} bytes");
        }

        foreach (var method in (SendMethod[])[SendMethod.PerBufferAwait, SendMethod.SendMmsg])
        {
            DeliveryReport delivery;
            var started = Stopwatch.StartNew();
            using (var udp = RemoteSessions.Open(new BatchShape(Transport.Udp, 1024, 64), peer.Address, new SessionOptions(Verify: true)))
            {
                for (int batch = 0; batch < 32; batch++)
                {
                    await udp.SendBatchAsync(method);
                    udp.WaitForDelivery();
                }

                delivery = udp.Delivery;
                udp.WaitForDelivery();
                Assert.Equal(delivery, udp.Delivery);
            }

            // 2048 datagrams at 3 % loss: some are lost, most arrive, and the wait never hangs on the missing ones.
            long lost = delivery.BuffersSent - delivery.BuffersDelivered;
            Assert.InRange(lost, 1, delivery.BuffersSent / 5);
            Assert.Equal(delivery.BuffersDelivered * 1024, delivery.BytesDelivered);
            Assert.True(started.Elapsed < TimeSpan.FromSeconds(15), $"UDP {method} with loss took {started.Elapsed}");

            // The sink's own count, in its log when the session closes, is what the sender was told.
            Assert.True(peer.WaitForLine($"closed: {delivery.BuffersDelivered} datagrams", TimeSpan.FromSeconds(5)),
                $"UDP {method}: sent {delivery.BuffersSent}, delivered {delivery.BuffersDelivered}; serve said: {string.Join(" | ", peer.ServeLines.TakeLast(4))}");
        }
    }

    [SkippableFact]
    public void Echo_client_with_peer_reaches_each_echo_server_across_the_veth()
    {
        NetnsPeer.SkipUnlessAny("netns");
        using var peer = NetnsPeer.Start();

        foreach (string protocol in (string[])["tcp-line", "tcp-length", "udp"])
        {
            var run = CliRun.Of("echo", "client", "--peer", peer.Address.ToString(), "--protocol", protocol, "across the veth");

            Assert.True(run.ExitCode == 0, $"{protocol}: {run.Error}");
            Assert.Contains($"client connected to {peer.Address.Host}:", run.Output);
            Assert.Contains("client received the response: \"across the veth\"", run.Output);
        }
    }

    [SkippableFact]
    public async Task Added_delay_shows_in_the_round_trip()
    {
        NetnsPeer.SkipUnlessAny("netns");
        // No fallback for delay: nothing else in the kernel holds packets back honestly.
        NetnsPeer.SkipUnlessAny("netem");
        using var peer = NetnsPeer.Start("--delay", "10");

        var options = new EchoClientOptions(EchoProtocol.TcpLength) { Host = peer.Address.Host, Port = EchoProtocols.PeerPort(peer.Address, EchoProtocol.TcpLength) };
        await using var client = await EchoClient.ConnectAsync(options);
        var started = Stopwatch.StartNew();
        await client.EchoAsync("delayed"u8.ToArray());

        Assert.InRange(started.Elapsed.TotalMilliseconds, 9.0, 1000.0);
    }

    [SkippableFact]
    public void A_quick_run_with_peer_records_the_peer_and_its_round_trip_in_the_report()
    {
        NetnsPeer.SkipUnlessAny("netns");
        using var peer = NetnsPeer.Start();

        string results = QuickJob.Run("*TcpSendBenchmarks.FlushBatched*", "--peer", peer.Address.ToString());

        var recorded = PeerRoundTrip.Read(results);
        Assert.NotNull(recorded);
        Assert.Equal(peer.Address.ToString(), recorded.Peer);
        Assert.InRange(recorded.RttP50Microseconds, 1, recorded.RttP99Microseconds);
        Assert.True(peer.WaitForLine("sink TCP session from", TimeSpan.Zero), "the benchmarks never reached the peer's sink");
        // The local --receiver setting played no part: the record must not claim it did.
        Assert.Equal(RunSettings.RemoteReceiver, RunRecord.ReadFrom(results)?.Settings.Receiver);

        string report = TestFiles.TempFolder();
        Assert.Equal(0, CliRun.Of("report", results, "--out", report).ExitCode);
        string markdown = File.ReadAllText(Path.Combine(report, "report.md"));
        Assert.Contains($"- Peer: {peer.Address}, round trip p50 ", markdown);
        Assert.Contains("Measured with: the receiver was the --peer's sink on another host", markdown);
        IndexHtml.AssertShowsReport(report);
    }
}
