using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SocketBench.Echo.Tls;

/// <summary>TLS for a TCP echo server: its certificate, the versions it accepts, and an optional client-certificate rule.</summary>
public sealed record TlsServerSettings(
    X509Certificate2 Certificate,
    SslProtocols Protocols = TlsVersions.Default,
    ClientCertificatePolicy? ClientCertificates = null);

/// <summary>
/// TLS for a TCP echo client (the guide's SocketProtectionLevel.Tls12 plus StreamSocketControl.ClientCertificate).
/// The server is trusted by the system store, or by <see cref="TrustedAuthorities"/> when given, or not
/// checked at all with <see cref="SkipServerValidation"/> (local experiments only).
/// </summary>
public sealed record TlsClientSettings(
    SslProtocols Protocols = TlsVersions.Default,
    X509Certificate2? ClientCertificate = null,
    X509Certificate2Collection? TrustedAuthorities = null,
    bool SkipServerValidation = false);

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
