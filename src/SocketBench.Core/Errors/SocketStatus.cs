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
