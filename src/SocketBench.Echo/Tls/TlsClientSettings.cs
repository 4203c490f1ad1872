using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SocketBench.Echo.Tls;

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
