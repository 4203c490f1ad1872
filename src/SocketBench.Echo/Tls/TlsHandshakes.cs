using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SocketBench.Core.Errors;

namespace SocketBench.Echo.Tls;

/// <summary>Wraps a connected stream in TLS, on either side, and names the failure when the handshake fails.</summary>
public static class TlsHandshakes
{
    public static Task<SslStream> AsServerAsync(Stream transport, TlsServerSettings settings, Action<string> onClientRejected, CancellationToken cancellationToken) =>
        AuthenticateAsync(transport, tls => tls.AuthenticateAsServerAsync(
            new SslServerAuthenticationOptions
            {
                ServerCertificate = settings.Certificate,
                EnabledSslProtocols = settings.Protocols,
                ClientCertificateRequired = settings.ClientCertificates is not null,
                CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
                RemoteCertificateValidationCallback = settings.ClientCertificates?.Callback(onClientRejected),
            },
            cancellationToken));

    public static Task<SslStream> AsClientAsync(Stream transport, TlsClientSettings settings, string host, CancellationToken cancellationToken)
    {
        SslPolicyErrors seen = SslPolicyErrors.None;
        string? chainProblem = null;
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = host,
            EnabledSslProtocols = settings.Protocols,
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
            RemoteCertificateValidationCallback = (_, certificate, chain, errors) =>
            {
                seen = errors;
                if (!settings.SkipServerValidation && settings.TrustedAuthorities is { } authorities && certificate is not null)
                {
                    // Judge the chain against the given CAs only; the name check still applies.
                    chainProblem = ChainProblem(certificate, authorities);
                    seen &= ~SslPolicyErrors.RemoteCertificateChainErrors;
                }

                return settings.SkipServerValidation || (chainProblem is null && seen == SslPolicyErrors.None);
            },
            ClientCertificates = settings.ClientCertificate is { } mine ? [mine] : null,
            // Offer ours whatever CA list the server names, as WinRT's ClientCertificate does.
            LocalCertificateSelectionCallback = settings.ClientCertificate is { } offered ? (_, _, _, _, _) => offered : null,
        };
        return AuthenticateAsync(transport, tls => tls.AuthenticateAsClientAsync(options, cancellationToken), e => Describe(e, host, seen, chainProblem));
    }

    /// <summary>A handshake on a new SslStream over <paramref name="transport"/>; when it fails, the stream is closed and the failure named.</summary>
    private static async Task<SslStream> AuthenticateAsync(Stream transport, Func<SslStream, Task> handshake, Func<AuthenticationException, Exception>? describe = null)
    {
        var tls = new SslStream(transport, leaveInnerStreamOpen: false);
        try
        {
            await handshake(tls).ConfigureAwait(false);
            return tls;
        }
        catch (Exception e)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            if (e is AuthenticationException authentication && describe is not null)
            {
                throw describe(authentication);
            }

            throw;
        }
    }

    private static SocketStatusException Describe(AuthenticationException e, string host, SslPolicyErrors seen, string? chainProblem) => chainProblem switch
    {
        not null => new(SocketStatus.CertificateUntrustedRoot, $"the server's certificate is not issued by the given CA ({chainProblem})", e),
        _ when seen.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) => new(SocketStatus.CertificateCommonNameIsIncorrect, $"the server's certificate does not name '{host}'", e),
        _ when seen.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors) => new(SocketStatus.CertificateUntrustedRoot, "the server's certificate is not trusted by this machine", e),
        _ => new(SocketStatus.TlsHandshakeFailed, $"TLS handshake with '{host}' failed: {(e.InnerException ?? e).Message.TrimEnd('.')}", e),
    };

    /// <summary>
    /// Why <paramref name="certificate"/> does not chain to one of <paramref name="authorities"/> (only those), or is
    /// not valid for <paramref name="usage"/> when one is given; null when it is accepted.
    /// </summary>
    public static string? ChainProblem(X509Certificate certificate, X509Certificate2Collection authorities, string? usage = null)
    {
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(authorities);
        // Local test CAs publish no revocation lists.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (usage is not null)
        {
            chain.ChainPolicy.ApplicationPolicy.Add(new System.Security.Cryptography.Oid(usage));
        }

        return chain.Build(leaf) ? null : string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()));
    }
}
