using System.Diagnostics;
using SocketBench.Benchmarks.Echo;
using SocketBench.Core.Peers;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Sockets.Remote;

namespace SocketBench.Benchmarks.Peers;

/// <summary>
/// The --peer part of a run: hands the peer to the benchmark processes (by environment variable, as the
/// delivery ledger does) and probes it before BenchmarkDotNet starts; the host writes the round trip to peer.json.
/// </summary>
public static class PeerRun
{
    /// <summary>Points this process and its benchmark processes at the peer (or at loopback), and measures the round trip unless only listing; null when nothing was measured.</summary>
    /// <exception cref="PeerUnreachableException">The peer did not answer.</exception>
    public static PeerRoundTrip? Prepare(PeerAddress? peer, bool measure, TextWriter output)
    {
        // Cleared on loopback runs too, so a variable left in the shell cannot turn one into a remote run.
        Environment.SetEnvironmentVariable(PeerAddress.EnvironmentVariable, peer?.ToString());
        if (peer is null || !measure)
        {
            return null;
        }

        var roundTrip = MeasureRoundTripAsync(peer).GetAwaiter().GetResult();
        output.WriteLine(PeerRoundTrip.Describe(roundTrip));
        output.WriteLine("note: EchoRoundTripBenchmarks runs without its TcpLengthTls rows against a peer (serve has no certificate this run could trust).");
        output.WriteLine("note: TlsSendBenchmarks is not run against a peer (serve's sink speaks plain TCP); its rows stay loopback-only.");
        return roundTrip;
    }

    private const int Echoes = 200;
    private const int MessageBytes = 32;

    /// <summary>
    /// Before a --peer run: proves the peer's serve answers and measures the round trip to it, so the report
    /// can say where its figures were measured. Small length-prefixed TCP echoes: reliable on a lossy link,
    /// and the same path the round-trip rows use.
    /// </summary>
    private static async Task<PeerRoundTrip> MeasureRoundTripAsync(PeerAddress peer)
    {
        var options = new EchoClientOptions(EchoProtocol.TcpLength)
        {
            Host = peer.Host,
            Port = EchoProtocols.PeerPort(peer, EchoProtocol.TcpLength),
            Timeout = TimeSpan.FromSeconds(3),
        };
        try
        {
            var client = await EchoClient.ConnectAsync(options).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                byte[] message = [.. Enumerable.Repeat((byte)'p', MessageBytes)];
                var microseconds = new double[Echoes];
                for (int index = 0; index < Echoes; index++)
                {
                    long started = Stopwatch.GetTimestamp();
                    await client.EchoAsync(message).ConfigureAwait(false);
                    microseconds[index] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
                }

                return new PeerRoundTrip(
                    peer.ToString(), RoundTripPercentileColumn.Percentile(microseconds, 50), RoundTripPercentileColumn.Percentile(microseconds, 99), Echoes, DateTime.UtcNow);
            }
        }
        catch (Exception error) when (error is not ArgumentException)
        {
            throw RemoteSessions.Unreachable(peer, "tcp-length echo", options.Port, error);
        }
    }
}
