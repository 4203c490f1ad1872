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
        foreach (var (name, value) in Names)
        {
            if (string.Equals(name, text, StringComparison.OrdinalIgnoreCase))
            {
                protocol = value;
                return true;
            }
        }

        protocol = default;
        return false;
    }

    public static bool IsTcp(this EchoProtocol protocol) => protocol != EchoProtocol.Udp;
}
