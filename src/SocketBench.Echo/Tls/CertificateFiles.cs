using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using SocketBench.Core.Errors;

namespace SocketBench.Echo.Tls;

/// <summary>Loads certificates from the files people actually have: PFX/PKCS#12, or PEM with the key beside or inside.</summary>
public static class CertificateFiles
{
    /// <summary>A certificate with its private key. PFX when the file ends in .pfx or .p12; PEM otherwise.</summary>
    public static X509Certificate2 LoadWithKey(string path, string? keyPath = null, string? password = null)
    {
        RequireFile(path);
        try
        {
            if (Path.GetExtension(path).ToLowerInvariant() is ".pfx" or ".p12")
            {
                return X509CertificateLoader.LoadPkcs12FromFile(path, password);
            }

            RequireFile(keyPath);

            // SslStream on Windows cannot use an ephemeral PEM key; a PKCS#12 round trip works everywhere.
            return SelfSignedCertificates.Portable(password is null
                ? X509Certificate2.CreateFromPemFile(path, keyPath)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password, keyPath));
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or ArgumentException)
        {
            throw new SocketStatusException(SocketStatus.CertificateIsInvalid, $"cannot load the certificate '{path}'{(keyPath is null ? "" : $" with key '{keyPath}'")}: {e.Message.TrimEnd('.')}", e);
        }
    }

    /// <summary>Trust anchors (a CA bundle), PEM or DER; no private keys needed.</summary>
    public static X509Certificate2Collection LoadTrusted(string path)
    {
        RequireFile(path);
        try
        {
            var collection = new X509Certificate2Collection();
            if (File.ReadAllText(path).Contains("-----BEGIN", StringComparison.Ordinal))
            {
                collection.ImportFromPemFile(path);
            }
            else
            {
                collection.Add(X509CertificateLoader.LoadCertificateFromFile(path));
            }

            return collection.Count > 0
                ? collection
                : throw new SocketStatusException(SocketStatus.CertificateIsInvalid, $"'{path}' holds no certificate");
        }
        catch (System.Security.Cryptography.CryptographicException e)
        {
            throw new SocketStatusException(SocketStatus.CertificateIsInvalid, $"cannot read certificates from '{path}': {e.Message.TrimEnd('.')}", e);
        }
    }

    /// <summary>A file that is named must exist; null names none.</summary>
    private static void RequireFile(string? path)
    {
        if (path is not null && !File.Exists(path))
        {
            throw new SocketStatusException(SocketStatus.CertificateIsInvalid, $"certificate file '{path}' does not exist");
        }
    }
}

/// <summary>A server certificate made on the fly for local use.</summary>
public static class SelfSignedCertificates
{
    private const string ServerAuth = "1.3.6.1.5.5.7.3.1";

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

    /// <summary>Ephemeral keys do not work with SslStream on Windows; a PKCS#12 round trip makes them usable everywhere.</summary>
    public static X509Certificate2 Portable(X509Certificate2 certificate)
    {
        using var ephemeral = certificate;
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
    }
}
