using System.Text.Json;
using SocketBench.Core.Batches;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Benchmarks.Delivery;

/// <summary>What one benchmark case's session sent and what its receiver counted, over every invocation of the case.</summary>
/// <param name="Transport">The session's protocol: "Tcp", "Udp" or "Tls" (a <see cref="Core.Cases.CaseTransport"/> name).</param>
/// <param name="Delivery">The session's own report; its SendCalls is null (in the ledger too) when the sends were made inside .NET's own APIs and not counted.</param>
public sealed record DeliveryRecord(string Transport, int BufferSize, int BufferCount, DeliveryReport Delivery)
{
    /// <summary>Bytes the sending thread allocated per batch in its leanest invocation (steady state); -1 when not counted.</summary>
    public double SenderBytesPerBatch { get; init; } = -1;

    /// <summary>
    /// Send system calls the kernel saw on the sending socket, from any thread, from the case's setup to the end of its
    /// first invocation; -1 when not counted (switched off, or not available here).
    /// </summary>
    public long KernelSends { get; init; } = -1;

    /// <summary>
    /// The send calls the code counted over the same window, drain markers included: must equal <see cref="KernelSends"/>;
    /// -1 when the code could not count them (.NET API rows).
    /// </summary>
    public long CodeSendsInWindow { get; init; } = -1;

    /// <summary>Drain markers among them (UDP): not payload sends, so left out of the per-buffer figure.</summary>
    public long MarkerSendsInWindow { get; init; }

    /// <summary>Buffers sent in that window.</summary>
    public long BuffersInWindow { get; init; }

    /// <summary>The kernel's payload sends per buffer over the window, or NaN when not counted.</summary>
    public double KernelSendsPerBuffer => KernelSends < 0 || BuffersInWindow == 0 ? double.NaN : (double)(KernelSends - MarkerSendsInWindow) / BuffersInWindow;

    public static DeliveryRecord From(SocketSession session) => From(session.Shape, session.Delivery, session.Protocol);

    /// <summary>A record from any backend's session: its batch shape and what it sent and delivered.</summary>
    public static DeliveryRecord From(BatchShape shape, DeliveryReport delivery, string? protocol = null) =>
        new(protocol ?? shape.Transport.ToString(), shape.BufferSize, shape.BufferCount, delivery);

    public double TlsWritesPerBuffer => Delivery.BuffersSent == 0 ? double.NaN : (double)Delivery.TlsWrites / Delivery.BuffersSent;

    public double TlsRecordsPerBuffer => Delivery.BuffersSent == 0 ? double.NaN : (double)Delivery.TlsRecords / Delivery.BuffersSent;

    public double DeliveredPercent => Delivery.BytesSent == 0 ? double.NaN : 100.0 * Delivery.BytesDelivered / Delivery.BytesSent;
}

/// <summary>
/// Carries a case's <see cref="DeliveryRecord"/> from the process that ran it to the host that
/// summarises it. BenchmarkDotNet runs each case in a child process (the default job) or in the
/// host (the quick job), one case at a time; the child inherits the host's environment, so one
/// file named by an environment variable is enough: the case writes it at cleanup, the host takes
/// it as soon as the case ends.
/// </summary>
public static class DeliveryLedger
{
    // A figure that could not be computed is NaN (e.g. kernel sends per buffer when not counted): JSON has no NaN literal.
    private static readonly JsonSerializerOptions Json = new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    public const string PathVariable = "SOCKETBENCH_DELIVERY_LEDGER";

    /// <summary>Points this process and the benchmark processes it starts at a fresh ledger file.</summary>
    public static void UseFile(string path)
    {
        // Absolute, because a benchmark process runs in a folder of its own.
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.Delete(path);
        Environment.SetEnvironmentVariable(PathVariable, path);
    }

    /// <summary>Writes the case's record; does nothing when no host asked for one (e.g. a debugger run).</summary>
    public static void Record(DeliveryRecord record)
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path)
        {
            File.WriteAllText(path, JsonSerializer.Serialize(record, Json));
        }
    }

    /// <summary>Reads and removes the record the last case wrote, or null when it wrote none.</summary>
    public static DeliveryRecord? Take()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is not { Length: > 0 } path || !File.Exists(path))
        {
            return null;
        }

        var record = JsonSerializer.Deserialize<DeliveryRecord>(File.ReadAllText(path), Json);
        File.Delete(path);
        return record;
    }
}
