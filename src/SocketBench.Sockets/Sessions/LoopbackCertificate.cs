using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SocketBench.Sockets.Sessions;

/// <summary>
/// The server certificate of every TLS loopback session in this process: self-signed, made in memory
/// the first time a session needs it (key generation costs milliseconds; a benchmark case must not pay it).
/// </summary>
internal static class LoopbackCertificate
{
    public const string HostName = "socketbench.loopback";

    private static readonly Lazy<X509Certificate2> Shared = new(Create);

    public static X509Certificate2 Instance => Shared.Value;

    private static X509Certificate2 Create()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={HostName}", key, HashAlgorithmName.SHA256);
        var now = DateTimeOffset.UtcNow;
        using var ephemeral = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(7));

        // An in-memory key is not usable by every platform's TLS server: a PKCS#12 round trip gives it a home.
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), password: null);
    }

    /// <summary>The client trusts exactly this certificate, by its thumbprint: no machine trust store is involved.</summary>
    public static bool IsThisCertificate(X509Certificate? presented) =>
        presented is not null && presented.GetCertHashString(HashAlgorithmName.SHA256) == Instance.GetCertHashString(HashAlgorithmName.SHA256);
}
