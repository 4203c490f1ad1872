using SocketBench.Core.Peers;

namespace SocketBench.Echo;

/// <summary>The three wire protocols: the guide's C# TCP sample, its C++/WinRT TCP sample, and its UDP sample.</summary>
public enum EchoProtocol
{
    TcpLine,
    TcpLength,
    Udp,
}

/// <summary>The protocols' command-line names, in one place so parsing, help and errors agree.</summary>
public static class EchoProtocols
{
    private static readonly (string Name, EchoProtocol Protocol)[] Names =
    [
        ("tcp-line", EchoProtocol.TcpLine),
        ("tcp-length", EchoProtocol.TcpLength),
        ("udp", EchoProtocol.Udp),
    ];

    public static string AllNames => string.Join(", ", Names.Select(n => n.Name));

    public static string NameOf(EchoProtocol protocol) => Names.First(n => n.Protocol == protocol).Name;

    public static bool TryParse(string? text, out EchoProtocol protocol)
    {
        int index = Array.FindIndex(Names, n => string.Equals(n.Name, text, StringComparison.OrdinalIgnoreCase));
        protocol = index < 0 ? default : Names[index].Protocol;
        return index >= 0;
    }

    public static bool IsTcp(this EchoProtocol protocol) => protocol != EchoProtocol.Udp;

    /// <summary>Which port of a `socketbench serve` peer echoes a protocol (the ports just above its sink's).</summary>
    public static int PeerPort(PeerAddress peer, EchoProtocol protocol) => protocol switch
    {
        EchoProtocol.TcpLine => peer.TcpLinePort,
        EchoProtocol.TcpLength => peer.TcpLengthPort,
        _ => peer.UdpEchoPort,
    };
}

/// <summary>Defaults that keep a server alive against its worst client.</summary>
public static class EchoLimits
{
    /// <summary>Largest message (payload bytes, without framing) a peer may send: 1 MiB.</summary>
    public const int DefaultMaxMessageBytes = 1 << 20;

    /// <summary>A UDP payload cannot exceed 65,507 bytes over IPv4.</summary>
    public const int MaxDatagramBytes = 65_507;

    public const int DefaultMaxConnections = 1024;

    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(30);
}

/// <summary>
/// Names the protocols an echo server or client class implements, on every backend, so a test can check
/// (by reflection, even over an assembly it cannot run) that each backend covers every <see cref="EchoProtocol"/>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class SpeaksAttribute(params EchoProtocol[] protocols) : Attribute
{
    public IReadOnlyList<EchoProtocol> Protocols { get; } = protocols;
}
