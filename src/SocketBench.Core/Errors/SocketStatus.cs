

namespace SocketBench.Core.Errors;

/// <summary>
/// Named failure statuses shared by every backend. Names follow WinRT's SocketErrorStatus where it has
/// one, so the WinRT backend can map HRESULTs onto the same values; the last few have no WinRT twin.
/// </summary>
public enum SocketStatus
{
    Unknown,
    OperationAborted,
    ConnectionTimedOut,
    HostNotFound,
    NoAddressesFound,
    AddressAlreadyInUse,
    CannotAssignRequestedAddress,
    ConnectionRefused,
    NetworkIsUnreachable,
    UnreachableHost,
    NetworkIsDown,
    SoftwareCausedConnectionAbort,
    ConnectionResetByPeer,
    TooManyOpenFiles,
    MessageTooLong,
    CertificateExpired,
    CertificateUntrustedRoot,
    CertificateCommonNameIsIncorrect,
    CertificateIsInvalid,

    // Not in WinRT's list.
    InvalidHostName,
    AccessDenied,
    ConnectionClosedByPeer,
    TlsHandshakeFailed,
    ProtocolViolation,
}

/// <summary>
/// A failure already translated to a named status. Backends throw it at their edges so every command
/// prints the same one line: the status, what happened, and what to try.
/// </summary>
public sealed class SocketStatusException(SocketStatus status, string detail, Exception? inner = null)
    : Exception($"{status}: {detail}. Try: {SocketStatusHints.For(status)}.", inner)
{
    public SocketStatus Status { get; } = status;

    /// <summary>Statuses caused by what the user typed rather than by the network.</summary>
    public bool IsBadInput => Status is SocketStatus.InvalidHostName;
}

/// <summary>One line per status saying what a user can try next; printed after the failure itself.</summary>
public static class SocketStatusHints
{
    public static string For(SocketStatus status) => status switch
    {
        SocketStatus.OperationAborted => "the operation was cancelled; run it again",
        SocketStatus.ConnectionTimedOut => "check that the server is running, that both sides use the same --protocol, or raise --timeout",
        SocketStatus.HostNotFound => "check the spelling of the host, or use an address such as 127.0.0.1",
        SocketStatus.NoAddressesFound => "the name has no address of a usable family; use 127.0.0.1 or ::1",
        SocketStatus.AddressAlreadyInUse => "another process holds this port: pick another --port (0 picks a free one), or stop the other process",
        SocketStatus.CannotAssignRequestedAddress => "bind to an address this machine owns, such as 127.0.0.1 or ::1",
        SocketStatus.ConnectionRefused => "nothing listens there: start the server first, and check --port and --protocol",
        SocketStatus.NetworkIsUnreachable or SocketStatus.UnreachableHost or SocketStatus.NetworkIsDown
            => "check the address; the echo harness is meant for loopback (127.0.0.1 or ::1)",
        SocketStatus.SoftwareCausedConnectionAbort => "the local stack aborted the connection; run it again",
        SocketStatus.ConnectionResetByPeer => "the peer reset the connection: check the server's log for the reason",
        SocketStatus.TooManyOpenFiles => "raise the open-file limit (ulimit -n) or lower the number of clients",
        SocketStatus.MessageTooLong => "send a shorter message, or raise --max-message on both sides",
        SocketStatus.CertificateExpired => "use a certificate that is valid now",
        SocketStatus.CertificateUntrustedRoot => "pass the issuing CA with --ca, or --insecure for a throwaway local test",
        SocketStatus.CertificateCommonNameIsIncorrect => "connect with the host name the certificate names (for the built-in one: localhost)",
        SocketStatus.CertificateIsInvalid => "check the certificate file, its key and its password",
        SocketStatus.InvalidHostName => "use a host name or address such as localhost, 127.0.0.1 or ::1",
        SocketStatus.AccessDenied => "ports below 1024 need privileges: use a port above 1023",
        SocketStatus.ConnectionClosedByPeer => "the server closed the connection: it may be at its connection cap, or rejected the request; check its log",
        SocketStatus.TlsHandshakeFailed => "check that both sides use --tls, and that the server's client-certificate rules accept yours",
        SocketStatus.ProtocolViolation => "check that client and server use the same --protocol",
        _ => "run again with the same options; if it persists, report the message above",
    };
}
