using System.Security.Authentication;

namespace SocketBench.Echo.Tls;

/// <summary>The TLS versions the harness speaks: 1.2 (the guide's Tls12) and 1.3; nothing older.</summary>
public static class TlsVersions
{
    public const SslProtocols Default = SslProtocols.Tls12 | SslProtocols.Tls13;

    public static bool TryParse(string? text, out SslProtocols protocols)
    {
        protocols = text?.ToLowerInvariant() switch
        {
            "1.2" => SslProtocols.Tls12,
            "1.3" => SslProtocols.Tls13,
            "any" => Default,
            _ => SslProtocols.None,
        };
        return protocols != SslProtocols.None;
    }
}
