using SocketBench.Core.Peers;
using SocketBench.Sockets.Remote;

namespace SocketBench.Benchmarks.Peers;

/// <summary>
/// The --peer part of a run: hands the peer to the benchmark processes (by environment variable, as the
/// delivery ledger does), probes it before BenchmarkDotNet starts, and leaves peer.json in the results.
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

        var roundTrip = PeerProbe.Measure(peer);
        output.WriteLine(PeerRoundTrip.Describe(roundTrip));
        output.WriteLine("note: EchoRoundTripBenchmarks runs without its TcpLengthTls rows against a peer (serve has no certificate this run could trust).");
        output.WriteLine("note: TlsSendBenchmarks is not run against a peer (serve's sink speaks plain TCP); its rows stay loopback-only.");
        return roundTrip;
    }

    /// <summary>Writes peer.json beside the results, or removes a previous run's so a loopback run is never labelled remote.</summary>
    public static void Publish(PeerRoundTrip? roundTrip, string directory)
    {
        if (roundTrip is null)
        {
            File.Delete(Path.Combine(directory, PeerRoundTrip.FileName));
            return;
        }

        roundTrip.Write(directory);
    }
}
