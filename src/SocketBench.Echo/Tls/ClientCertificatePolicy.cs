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
    public string? Reject(X509Certificate? presented)
    {
        if (presented is null)
        {
            return "the client sent no certificate";
        }

        using var certificate = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        return Thumbprint is not null && !MatchesThumbprint(certificate, Thumbprint)
            ? $"certificate '{certificate.Subject}' does not have the required thumbprint"
            : TrustedAuthorities is not null && TlsHandshakes.ChainProblem(certificate, TrustedAuthorities, ClientAuth) is { } why
                ? $"certificate '{certificate.Subject}' is not accepted by the given CA ({why})"
                : null;
    }

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

    private static bool MatchesThumbprint(X509Certificate2 certificate, string wanted)
    {
        var normalized = wanted.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var actual = normalized.Length == 64
            ? Convert.ToHexString(certificate.GetCertHash(HashAlgorithmName.SHA256))
            : certificate.Thumbprint;
        return string.Equals(actual, normalized, StringComparison.OrdinalIgnoreCase);
    }
}
