using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace SocketBench.Echo.Tls;

/// <summary>TLS for a TCP echo server: its certificate, the versions it accepts, and an optional client-certificate rule.</summary>
public sealed record TlsServerSettings(
    X509Certificate2 Certificate,
    SslProtocols Protocols = TlsVersions.Default,
    ClientCertificatePolicy? ClientCertificates = null);
