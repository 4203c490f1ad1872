using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Echo;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;
using SocketBench.Sockets;
using SocketBench.Sockets.DotNet;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// Reads what a BenchmarkDotNet case is from what the benchmark declares: the transport and backend from its
/// class's categories, strategy, .NET API or reference from its method's category, the shape from its parameters.
/// Nothing is inferred from a class name, so a renamed class keeps its identity.
/// </summary>
public static class CaseRecords
{
    /// <summary>The case's record, or null for a benchmark that declares no transport (not a SocketBench row).</summary>
    public static CaseRecord? Of(BenchmarkCase benchmarkCase)
    {
        var descriptor = benchmarkCase.Descriptor;
        var backend = descriptor.HasCategory(Categories.WinRT) ? Backend.WinRT : Backend.Sockets;
        string method = descriptor.WorkloadMethod.Name;
        int bufferSize = Int(benchmarkCase, "BufferSize");
        int bufferCount = Int(benchmarkCase, "BufferCount");
        string id = FullNameProvider.GetBenchmarkName(benchmarkCase);

        if (descriptor.HasCategory(EchoCategories.RoundTrip))
        {
            return new CaseRecord(id, backend, EchoTransport(benchmarkCase), method, CaseKind.RoundTrip, bufferSize, bufferCount)
            {
                Variant = benchmarkCase.Parameters["Protocol"]?.ToString(),
            };
        }

        CaseTransport? transport =
            descriptor.HasCategory(Categories.Tls) ? CaseTransport.Tls
            : descriptor.HasCategory(Categories.Tcp) ? CaseTransport.Tcp
            : descriptor.HasCategory(Categories.Udp) ? CaseTransport.Udp
            : null;
        bool onLinux = OperatingSystem.IsLinux();
        if (transport is not null && descriptor.HasCategory(Categories.DotNetApi))
        {
            return Enum.TryParse<DotNetApi>(method, out var api)
                ? new CaseRecord(id, backend, transport.Value, method, CaseKind.DotNetApi, bufferSize, bufferCount)
                {
                    NoDelay = NoDelayOf(benchmarkCase, transport.Value),
                    BytesPerSendCall = DotNetApis.BytesPerSendCall(api, bufferSize, bufferCount),
                    SendPath = DotNetApis.Describe(transport.Value, api, onLinux),
                    Pattern = DotNetApis.Pattern(api),
                    // The sends happen inside .NET: said so in the record, so no report reads a missing count as zero.
                    Counts = CountedCalls.NotCounted,
                    IsBaseline = descriptor.Baseline,
                }
                : null;
        }

        if (transport is null || !Enum.TryParse<SendMethod>(method, out var sendMethod))
        {
            return null;
        }

        var kind = descriptor.HasCategory(Categories.Reference) ? CaseKind.OsReference : CaseKind.Strategy;
        var socket = transport == CaseTransport.Udp ? Transport.Udp : Transport.Tcp;
        var record = new CaseRecord(id, backend, transport.Value, method, kind, bufferSize, bufferCount)
        {
            NoDelay = NoDelayOf(benchmarkCase, transport.Value),
            BytesPerSendCall = SendCallBytes.For(socket, sendMethod, bufferSize, bufferCount),
            IsShapeLimit = kind == CaseKind.OsReference && sendMethod == SendCallBytes.ShapeLimit(socket),
            IsBaseline = descriptor.Baseline,
        };

        return backend == Backend.WinRT
            // WinRT does not say how many bytes each of its system calls carries: no tool limit is matched to a WinRT row.
            ? record with { SendPath = SendPaths.DescribeWinRt(sendMethod), Pattern = SendPattern.NotVisible, Counts = CountedCalls.StreamCalls, BytesPerSendCall = 0 }
            : record with
            {
                SendPath = transport == CaseTransport.Tls ? SendPaths.DescribeTls(sendMethod, onLinux) : SendPaths.Describe(socket, sendMethod, onLinux),
                Pattern = SendPaths.Pattern(socket, sendMethod, onLinux),
            };
    }

    /// <summary>TCP_NODELAY of a TCP row (on unless its NoDelay parameter says off); always on for TLS; none on UDP.</summary>
    private static bool? NoDelayOf(BenchmarkCase benchmarkCase, CaseTransport transport) => transport switch
    {
        CaseTransport.Tcp => benchmarkCase.Parameters.Items.All(item => item.Name != "NoDelay") || benchmarkCase.Parameters["NoDelay"] as bool? != false,
        CaseTransport.Tls => true,
        _ => null,
    };

    public static bool IsSend(BenchmarkCase benchmarkCase) => Of(benchmarkCase) is { Kind: not CaseKind.RoundTrip };

    private static CaseTransport EchoTransport(BenchmarkCase benchmarkCase) => benchmarkCase.Parameters["Protocol"] switch
    {
        RoundTripCase.Udp => CaseTransport.Udp,
        RoundTripCase.TcpLengthTls => CaseTransport.Tls,
        _ => CaseTransport.Tcp,
    };

    private static int Int(BenchmarkCase benchmarkCase, string name) =>
        benchmarkCase.HasParameters && benchmarkCase.Parameters[name] is int value ? value : 0;
}
