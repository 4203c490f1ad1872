using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SocketBench.Echo.Tls;

/// <summary>Certificates made on the fly for local use: a server certificate for localhost, and a small CA for client-certificate tests.</summary>
public static class SelfSignedCertificates
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
    /// <summary>The extended key usage of a TLS client certificate.</summary>
    public const string ClientAuth = "1.3.6.1.5.5.7.3.2";

    /// <summary>A self-signed server certificate naming localhost, 127.0.0.1 and ::1, valid for a day.</summary>
    public static X509Certificate2 CreateLocalhostServer()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ServerAuth)], critical: false));
        return Portable(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1)));
    }

    /// <summary>A certificate authority that can sign client certificates.</summary>
    public static X509Certificate2 CreateAuthority(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, critical: true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, critical: true));
        return Portable(request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1)));
    }

    /// <summary>A client certificate issued by <paramref name="authority"/> (which must hold its private key).</summary>
    public static X509Certificate2 CreateClient(string name, X509Certificate2 authority)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(ClientAuth)], critical: false));
        var serial = RandomNumberGenerator.GetBytes(12);
        // An issued certificate may not outlive its issuer.
        var notAfter = new DateTimeOffset(authority.NotAfter.ToUniversalTime(), TimeSpan.Zero);
        var notBefore = new DateTimeOffset(authority.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        using var issued = request.Create(authority, notBefore, notAfter, serial);
        using var withKey = issued.CopyWithPrivateKey(key);
        return Portable(withKey);
    }

    /// <summary>Ephemeral keys do not work with SslStream on Windows; a PKCS#12 round trip makes them usable everywhere.</summary>
    private static X509Certificate2 Portable(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
