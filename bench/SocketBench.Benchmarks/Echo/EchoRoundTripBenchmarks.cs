using System.Diagnostics;
using System.Runtime;
using BenchmarkDotNet.Attributes;
using SocketBench.Benchmarks.Config;
using SocketBench.Benchmarks.Delivery;
using SocketBench.Core.Peers;
using SocketBench.Echo;
using SocketBench.Echo.Clients;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;
using SocketBench.Echo.Tls;
using SocketBench.Sockets.Native;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Benchmarks.Echo;

/// <summary>
/// Request/response latency against the in-process echo server over loopback: one operation is one
/// request sent and its echo received and checked. The RTT p50/p90/p99 columns are of individual
/// requests, recorded here with Stopwatch, not BenchmarkDotNet's percentiles of iteration means.
/// </summary>
[BenchmarkCategory(EchoCategories.RoundTrip)]
[Config(typeof(RoundTripConfig))]
// Whatever the job: BenchmarkDotNet's per-case code still tiers up after the JIT warm-up below, and a median of
// more iterations is less moved by the one iteration it lands in.
[WarmupCount(6)]
[IterationCount(8)]
public class EchoRoundTripBenchmarks
{
    /// <summary>Requests per invocation: one at a time, each waiting for its echo, as the protocols require.</summary>
    public const int RequestsPerInvoke = 32;

    private readonly Queue<double> _samples = new();
    private EchoServer? _server;
    private EchoClient? _client;
    private byte[] _payload = [];
    private long _requests;
    private long _bytesEchoed;

    [ParamsSource(nameof(Protocols))]
    public RoundTripCase Protocol { get; set; }

    /// <summary>Every case on loopback; against a --peer, not TLS: serve has no certificate a client could trust unseen.</summary>
    public static IEnumerable<RoundTripCase> Protocols => PeerAddress.FromEnvironment() is null
        ? [RoundTripCase.TcpLine, RoundTripCase.TcpLength, RoundTripCase.Udp, RoundTripCase.TcpLengthTls]
        : [RoundTripCase.TcpLine, RoundTripCase.TcpLength, RoundTripCase.Udp];

    /// <summary>Message payload in bytes (the suite's name for a size, so compare and the ledger match on it).</summary>
    [Params(32, 1024, 16384)]
    public int BufferSize { get; set; }

    /// <summary>One message per request; here so the delivery ledger describes the case like every other.</summary>
    [Params(1)]
    public int BufferCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var protocol = Protocol switch
        {
            RoundTripCase.TcpLine => EchoProtocol.TcpLine,
            RoundTripCase.Udp => EchoProtocol.Udp,
            _ => EchoProtocol.TcpLength,
        };
        bool tls = Protocol == RoundTripCase.TcpLengthTls;
        using var certificate = tls ? SelfSignedCertificates.CreateLocalhostServer() : null;
        var peer = PeerAddress.FromEnvironment();
        if (peer is null)
        {
            Place(RunEnvironment.Receiver);
            _server = EchoServer.Start(
                new EchoServerOptions(protocol) { LogMessages = false, Tls = certificate is null ? null : new TlsServerSettings(certificate) },
                EchoLog.None);
        }

        var client = new EchoClientOptions(protocol)
        {
            Host = peer?.Host ?? "localhost",
            Port = peer is null ? _server!.LocalEndPoint.Port : EchoProtocols.PeerPort(peer, protocol),
            Tls = certificate is null ? null : new TlsClientSettings(TrustedAuthorities: [certificate]),
        };
        _client = EchoClient.ConnectAsync(client).GetAwaiter().GetResult();
        // Printable ASCII: valid UTF-8 and free of newlines, so every protocol carries it unchanged.
        _payload = Enumerable.Range(0, BufferSize).Select(i => (byte)('a' + i % 26)).ToArray();
        if (RoundTripSamples.PathFor(Protocol, BufferSize) is { } stale)
        {
            File.Delete(stale);
        }

        // The benchmark method itself, so that its own code is replaced too; what it recorded is then forgotten.
        var warmUp = JitWarmUp.RunAsync(RoundTrip).GetAwaiter().GetResult();
        _samples.Clear();
        _requests = _bytesEchoed = 0;
        Console.WriteLine(warmUp.Quiet
            ? $"// echo warm-up: {warmUp.Calls * RequestsPerInvoke} round trips in {warmUp.Elapsed.TotalMilliseconds:0} ms, until the JIT had compiled nothing for {JitWarmUp.QuietFor.TotalMilliseconds:0} ms"
            : $"// warning: echo warm-up: the JIT was still compiling after {JitWarmUp.Limit.TotalSeconds:0} s ({warmUp.Calls * RequestsPerInvoke} round trips); measuring anyway");
    }

    [Benchmark(OperationsPerInvoke = RequestsPerInvoke)]
    public async Task RoundTrip()
    {
        var client = _client!;
        for (int i = 0; i < RequestsPerInvoke; i++)
        {
            long started = Stopwatch.GetTimestamp();
            var echo = await client.EchoAsync(_payload);
            Record(Stopwatch.GetElapsedTime(started).TotalNanoseconds);
            _requests++;
            if (echo.Span.SequenceEqual(_payload))
            {
                _bytesEchoed += echo.Length;
            }
        }
    }

    /// <summary>
    /// Where the round trip runs: under inline and spin, the whole process (client, server and the thread pool between
    /// them) on CPU 0; a request then never waits for another CPU to wake, which on this VM moved a round trip between
    /// about 40 and 130 µs from one iteration to the next (docs/gate.md, "Echo round trips on one CPU").
    /// </summary>
    private static void Place(ReceiverMode receiver)
    {
        if (receiver is ReceiverMode.Inline or ReceiverMode.Spin)
        {
            CpuAffinity.PinProcess(CpuAffinity.SenderCpu);
        }
        else
        {
            CpuAffinity.UnpinProcess();
        }
    }

    private void Record(double nanoseconds)
    {
        if (_samples.Count == RoundTripSamples.Capacity)
        {
            _samples.Dequeue();
        }

        _samples.Enqueue(nanoseconds);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        if (RoundTripSamples.PathFor(Protocol, BufferSize) is { } path)
        {
            RoundTripSamples.Write(path, _samples);
        }

        // One write per request (header and payload leave together); delivered means echoed back byte for byte.
        DeliveryLedger.Record(new DeliveryRecord("Echo", BufferSize, BufferCount, new(_requests, _requests, _requests * BufferSize, _bytesEchoed / Math.Max(1, BufferSize), _bytesEchoed)));
        _client?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _server?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _client = null;
        _server = null;
        // In-process jobs run other cases next, in this process: give them back every CPU.
        CpuAffinity.UnpinProcess();
    }
}

/// <summary>
/// Calls a benchmark method, before BenchmarkDotNet's warm-up, until the JIT has compiled nothing for
/// <see cref="QuietFor"/>. With the echo round trip on one CPU, the background JIT shares that CPU while tiered
/// compilation replaces the code, and round trips took up to 2.5 times as long meanwhile (docs/gate.md, "Echo round
/// trips wait for the JIT"); a fixed warm-up count often ended before that. Measurement then starts on the code a
/// long-running program runs.
/// </summary>
public static class JitWarmUp
{
    public static TimeSpan QuietFor { get; } = TimeSpan.FromMilliseconds(300);

    /// <summary>Past this the warm-up stops and says so: a run is never held up indefinitely.</summary>
    public static TimeSpan Limit { get; } = TimeSpan.FromSeconds(3);

    public readonly record struct Outcome(bool Quiet, long Calls, TimeSpan Elapsed);

    public static async Task<Outcome> RunAsync(Func<Task> operation)
    {
        var total = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        long compiled = JitInfo.GetCompiledMethodCount();
        long calls = 0;
        for (; quiet.Elapsed < QuietFor && total.Elapsed < Limit; calls++)
        {
            await operation();
            // Read once: a method compiled between a check and a second read would otherwise go unnoticed.
            if (JitInfo.GetCompiledMethodCount() is var now && now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
        }

        return new(quiet.Elapsed >= QuietFor, calls, total.Elapsed);
    }
}

/// <summary>The round-trip rows: the three echo protocols, and length-prefixed TCP inside TLS.</summary>
public enum RoundTripCase
{
    TcpLine,
    TcpLength,
    Udp,
    TcpLengthTls,
}

/// <summary>Category names for the echo benchmarks (filter with --anyCategories RoundTrip).</summary>
public static class EchoCategories
{
    public const string RoundTrip = "RoundTrip";
}
