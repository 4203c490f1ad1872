using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SocketBench.Echo.Tls;

/// <summary>
/// A server's rule for client certificates: one is required, and it must chain to one of
/// <see cref="TrustedAuthorities"/> and/or carry <see cref="Thumbprint"/> (SHA-1 or SHA-256, hex).
/// </summary>
public sealed record ClientCertificatePolicy(X509Certificate2Collection? TrustedAuthorities, string? Thumbprint)
{
    /// <summary>The extended key usage of a TLS client certificate.</summary>
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>Why the certificate is refused, or null to accept it.</summary>
    public string? Reject(X509Certificate? presented) => presented switch
    {
        null => "the client sent no certificate",
        _ when Thumbprint is not null && !MatchesThumbprint(presented, Thumbprint) => $"certificate '{presented.Subject}' does not have the required thumbprint",
        _ when TrustedAuthorities is not null && TlsHandshakes.ChainProblem(presented, TrustedAuthorities, ClientAuth) is { } why
            => $"certificate '{presented.Subject}' is not accepted by the given CA ({why})",
        _ => null,
    };

    /// <summary>For SslServerAuthenticationOptions: the policy replaces the system's trust decision.</summary>
    public RemoteCertificateValidationCallback Callback(Action<string> onReject) => (_, certificate, _, _) =>
    {
        if (Reject(certificate) is { } reason)
        {
            onReject(reason);
            return false;
        }

        return true;
    };

    private static bool MatchesThumbprint(X509Certificate certificate, string wanted)
    {
        var normalized = wanted.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var actual = certificate.GetCertHash(normalized.Length == 64 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        return string.Equals(Convert.ToHexString(actual), normalized, StringComparison.OrdinalIgnoreCase);
    }
}
