using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Running;
using SocketBench.Benchmarks.Echo;
using SocketBench.Core.Batches;
using SocketBench.Core.Cases;
using SocketBench.Core.Sending;
using SocketBench.Sockets;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// Reads what a BenchmarkDotNet case is from what the benchmark declares: the transport and backend from its
/// class's categories, strategy or reference from its method's category, the shape from its parameters.
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
        if (transport is null || !Enum.TryParse<SendMethod>(method, out var sendMethod))
        {
            return null;
        }

        var kind = descriptor.HasCategory(Categories.Reference) ? CaseKind.OsReference : CaseKind.Strategy;
        bool onLinux = OperatingSystem.IsLinux();
        var socket = transport == CaseTransport.Udp ? Transport.Udp : Transport.Tcp;
        var record = new CaseRecord(id, backend, transport.Value, method, kind, bufferSize, bufferCount)
        {
            NoDelay = transport switch
            {
                CaseTransport.Tcp => benchmarkCase.Parameters.Items.All(item => item.Name != "NoDelay") || benchmarkCase.Parameters["NoDelay"] as bool? != false,
                CaseTransport.Tls => true,
                _ => null,
            },
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
