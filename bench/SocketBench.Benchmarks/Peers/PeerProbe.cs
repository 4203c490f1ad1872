using System.Diagnostics;
using SocketBench.Core.Peers;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Sockets.Remote;

namespace SocketBench.Benchmarks.Peers;

/// <summary>
/// Before a --peer run: proves the peer's serve answers and measures the round trip to it, so the report
/// can say where its figures were measured. Small length-prefixed TCP echoes: reliable on a lossy link,
/// and the same path the round-trip rows use.
/// </summary>
public static class PeerProbe
{
    public const int Echoes = 200;
    private const int MessageBytes = 32;

    public static PeerRoundTrip Measure(PeerAddress peer)
    {
        var options = new EchoClientOptions(EchoProtocol.TcpLength)
        {
            Host = peer.Host,
            Port = EchoProtocols.PeerPort(peer, EchoProtocol.TcpLength),
            Timeout = TimeSpan.FromSeconds(3),
        };
        try
        {
            return MeasureAsync(peer, options).GetAwaiter().GetResult();
        }
        catch (Exception error) when (error is not ArgumentException)
        {
            throw RemoteSessions.Unreachable(peer, "tcp-length echo", options.Port, error);
        }
    }

    private static async Task<PeerRoundTrip> MeasureAsync(PeerAddress peer, EchoClientOptions options)
    {
        var client = await EchoClient.ConnectAsync(options).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            var message = new byte[MessageBytes];
            message.AsSpan().Fill((byte)'p');
            var microseconds = new double[Echoes];
            for (int index = 0; index < Echoes; index++)
            {
                long started = Stopwatch.GetTimestamp();
                await client.EchoAsync(message).ConfigureAwait(false);
                microseconds[index] = Stopwatch.GetElapsedTime(started).TotalMicroseconds;
            }

            Array.Sort(microseconds);
            return new PeerRoundTrip(peer.ToString(), NearestRank(microseconds, 0.50), NearestRank(microseconds, 0.99), Echoes, DateTime.UtcNow);
        }
    }

    private static double NearestRank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
