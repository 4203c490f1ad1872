using System.Security.Cryptography.X509Certificates;

namespace SocketBench.Echo.Tests.Support;

/// <summary>A temporary folder for certificate files handed to external tools; deleted on dispose.</summary>
internal sealed class TempFiles : IDisposable
{
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("socketbench-echo-");

    public string PathOf(string name) => Path.Combine(_directory.FullName, name);

    /// <summary>Writes the certificate and its private key as PEM files; returns their paths.</summary>
    public (string Certificate, string Key) WritePem(string name, X509Certificate2 certificate)
    {
        var certPath = PathOf(name + ".crt");
        var keyPath = PathOf(name + ".key");
        File.WriteAllText(certPath, certificate.ExportCertificatePem() + "\n");
        using var key = certificate.GetECDsaPrivateKey() ?? throw new InvalidOperationException("the test certificates use ECDSA keys");
        File.WriteAllText(keyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
        return (certPath, keyPath);
    }

    public void Dispose() => _directory.Delete(recursive: true);
}
