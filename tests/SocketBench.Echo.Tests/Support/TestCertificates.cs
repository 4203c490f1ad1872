using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SocketBench.Echo.Tls;

namespace SocketBench.Echo.Tests.Support;

/// <summary>A small CA made on the fly, and client certificates it issues, for the client-certificate tests.</summary>
internal static class TestCertificates
{
    /// <summary>A certificate authority that can sign client certificates.</summary>
    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        return SelfSignedCertificates.Portable(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1)));
    }

    /// <summary>A client certificate issued by <paramref name="authority"/> (which must hold its private key).</summary>
    public static X509Certificate2 CreateClient(string name, X509Certificate2 authority)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientCertificatePolicy.ClientAuth)], critical: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        // An issued certificate may not outlive its issuer.
        var notAfter = new DateTimeOffset(authority.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var notBefore = new DateTimeOffset(authority.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        using var issued = request.Create(authority, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return SelfSignedCertificates.Portable(withKey);
    }
}
