namespace SocketBench.Reporting.Model;

/// <summary>How reports name the rows of each send benchmark class, and the short key chart files use.</summary>
public static class TransportLabels
{
    public const string Tcp = "TCP";
    public const string Udp = "UDP";
    public const string Tls = "TLS 1.3 over TCP";

    /// <summary>The label's key in file names: "tcp", "udp", "tls".</summary>
    public static string FileKey(string transport) => transport == Tls ? "tls" : transport.ToLowerInvariant().Replace(' ', '-');

    /// <summary>What a reader must know to read a section's columns, or null when they mean what they say everywhere.</summary>
    public static string? Note(string transport) => transport == Tls
        ? "Sends/buffer counts the socket writes under the SslStream, as for the TCP rows. Each SslStream.Write seals its plaintext in TLS records of up to 16 KiB; the benchmark's own table also shows TLS writes and records per buffer. "
          + "No tool measures TLS over loopback, so the limits are plain TCP's: ÷ iperf3 compares with iperf3 -N at the same plaintext bytes per send call, and ÷ shape limit with the TCP GatherSend row of the same shape (what TLS costs on top of the batch in one raw call)."
        : null;
}
