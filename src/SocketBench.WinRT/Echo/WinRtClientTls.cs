using System.Runtime.InteropServices.WindowsRuntime;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SocketBench.Core.Errors;
using SocketBench.Echo.Tls;
using Windows.Networking.Sockets;
using Windows.Security.Cryptography.Certificates;

namespace SocketBench.WinRT.Echo;

/// <summary>
/// TLS for a WinRT echo client, the guide's way: <see cref="SocketProtectionLevel.Tls12"/> on ConnectAsync and,
/// when asked, <see cref="StreamSocketControl.ClientCertificate"/> from the user's MY store, set before connecting.
/// The portable client's trust choices (system store, a given CA, or none) map onto what WinRT lets a client ignore.
/// </summary>
internal static class WinRtClientTls
{
    // The only errors WinRT lets a client ignore; --insecure ignores all of them.
    private static readonly ChainValidationResult[] Ignorable =
    [
        ChainValidationResult.Untrusted,
        ChainValidationResult.Expired,
        ChainValidationResult.IncompleteChain,
        ChainValidationResult.WrongUsage,
        ChainValidationResult.InvalidName,
        ChainValidationResult.RevocationInformationMissing,
        ChainValidationResult.RevocationFailure,
    ];

    // With a given CA: let the unknown root through the handshake (the chain is judged afterwards against that CA
    // only), and skip revocation, as the portable client does for local CAs that publish no revocation lists.
    private static readonly ChainValidationResult[] JudgedAfterwards =
    [
        ChainValidationResult.Untrusted,
        ChainValidationResult.RevocationInformationMissing,
        ChainValidationResult.RevocationFailure,
    ];

    /// <summary>Sets up the socket's control before connecting and returns the protection level to connect with.</summary>
    public static async Task<SocketProtectionLevel> PrepareAsync(StreamSocket socket, TlsClientSettings settings)
    {
        if (!settings.Protocols.HasFlag(SslProtocols.Tls12))
        {
            throw new SocketStatusException(SocketStatus.TlsHandshakeFailed, "WinRT's SocketProtectionLevel.Tls12 negotiates TLS 1.2 at most, and --tls-version 1.3 rules that out: use --tls-version 1.2 or any");
        }

        if (settings.ClientCertificate is { } mine)
        {
            socket.Control.ClientCertificate = await FindInUserStoreAsync(mine).ConfigureAwait(false);
        }

        var ignored = settings.SkipServerValidation ? Ignorable : settings.TrustedAuthorities is not null ? JudgedAfterwards : Array.Empty<ChainValidationResult>();
        Array.ForEach(ignored, socket.Control.IgnorableServerCertificateErrors.Add);

        return SocketProtectionLevel.Tls12;
    }

    /// <summary>After the handshake: with TLS and a given CA, the server's certificate must chain to it.</summary>
    public static void CheckServer(StreamSocket socket, TlsClientSettings? settings)
    {
        if (settings is not { SkipServerValidation: false, TrustedAuthorities: { } authorities })
        {
            return;
        }

        using var server = X509CertificateLoader.LoadCertificate(socket.Information.ServerCertificate.GetCertificateBlob().ToArray());
        if (TlsHandshakes.ChainProblem(server, authorities) is { } problem)
        {
            throw new SocketStatusException(SocketStatus.CertificateUntrustedRoot, $"the server's certificate is not issued by the given CA ({problem})");
        }
    }

    /// <summary>
    /// WinRT presents only a certificate whose private key Windows holds, so the one named by --client-cert is
    /// looked up by thumbprint in the user's MY store (the guide's CertificateStores.FindAllAsync) rather than
    /// imported behind the user's back.
    /// </summary>
    private static async Task<Certificate> FindInUserStoreAsync(X509Certificate2 wanted)
    {
        var query = new CertificateQuery { StoreName = "MY", Thumbprint = wanted.GetCertHash(), IncludeDuplicates = false };
        var found = await CertificateStores.FindAllAsync(query);
        return found.FirstOrDefault(certificate => certificate.HasPrivateKey) ?? throw new SocketStatusException(
            SocketStatus.CertificateIsInvalid,
            $"the WinRT client presents certificates from the user's MY store, and '{wanted.Subject}' (thumbprint {wanted.Thumbprint}) is not there with its key; import it first: certutil -user -p PASSWORD -importPFX FILE.pfx");
    }
}
