using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using SocketBench.Core.Errors;
using SocketBench.Echo.Framing;

namespace SocketBench.Echo.Errors;

/// <summary>
/// The one translation from .NET's exceptions (and the errno inside a SocketException) to named statuses,
/// the portable counterpart of WinRT's SocketError.GetStatus(HResult).
/// </summary>
public static class SocketStatusMap
{
    public static SocketStatus StatusOf(Exception exception) => exception switch
    {
        SocketStatusException known => known.Status,
        SocketException socket => FromSocketError(socket.SocketErrorCode, socket.NativeErrorCode),
        AuthenticationException => SocketStatus.TlsHandshakeFailed,
        FramingException => SocketStatus.ProtocolViolation,
        EndOfStreamException => SocketStatus.ConnectionClosedByPeer,
        TimeoutException or OperationCanceledException => SocketStatus.ConnectionTimedOut,
        CryptographicException => SocketStatus.CertificateIsInvalid,
        UnauthorizedAccessException => SocketStatus.AccessDenied,
        // NetworkStream and SslStream wrap the socket's error in an IOException.
        IOException { InnerException: { } inner } => StatusOf(inner),
        _ => SocketStatus.Unknown,
    };

    /// <summary>
    /// Wraps any failure as a <see cref="SocketStatusException"/> whose detail says what was being done
    /// ("connecting to 127.0.0.1:1337") and what the system said.
    /// </summary>
    /// <param name="statusOf">Another backend's table for the status (WinRT's); this one by default.</param>
    public static SocketStatusException Wrap(Exception exception, string doing, Func<Exception, SocketStatus>? statusOf = null) => exception as SocketStatusException
        ?? new SocketStatusException((statusOf ?? StatusOf)(exception), $"{doing}: {exception.GetBaseException().Message.ReplaceLineEndings(" ").TrimEnd('.', ' ')}", exception);

    internal static SocketStatus FromSocketError(SocketError error, int nativeErrorCode) => error switch
    {
        SocketError.ConnectionRefused => SocketStatus.ConnectionRefused,
        SocketError.HostNotFound or SocketError.TryAgain => SocketStatus.HostNotFound,
        SocketError.NoData => SocketStatus.NoAddressesFound,
        SocketError.AddressAlreadyInUse => SocketStatus.AddressAlreadyInUse,
        SocketError.AddressNotAvailable => SocketStatus.CannotAssignRequestedAddress,
        SocketError.TimedOut => SocketStatus.ConnectionTimedOut,
        SocketError.ConnectionReset or SocketError.Shutdown => SocketStatus.ConnectionResetByPeer,
        SocketError.ConnectionAborted => SocketStatus.SoftwareCausedConnectionAbort,
        SocketError.NetworkUnreachable => SocketStatus.NetworkIsUnreachable,
        SocketError.HostUnreachable => SocketStatus.UnreachableHost,
        SocketError.NetworkDown => SocketStatus.NetworkIsDown,
        SocketError.AccessDenied => SocketStatus.AccessDenied,
        SocketError.MessageSize => SocketStatus.MessageTooLong,
        SocketError.TooManyOpenSockets => SocketStatus.TooManyOpenFiles,
        SocketError.OperationAborted or SocketError.Interrupted => SocketStatus.OperationAborted,
        _ => FromErrno(nativeErrorCode),
    };

    /// <summary>Linux errno values for the errors .NET leaves as a generic SocketError.</summary>
    internal static SocketStatus FromErrno(int errno) => errno switch
    {
        13 => SocketStatus.AccessDenied,                   // EACCES
        24 or 23 => SocketStatus.TooManyOpenFiles,         // EMFILE, ENFILE
        90 => SocketStatus.MessageTooLong,                 // EMSGSIZE
        98 => SocketStatus.AddressAlreadyInUse,            // EADDRINUSE
        99 => SocketStatus.CannotAssignRequestedAddress,   // EADDRNOTAVAIL
        100 => SocketStatus.NetworkIsDown,                 // ENETDOWN
        101 => SocketStatus.NetworkIsUnreachable,          // ENETUNREACH
        103 => SocketStatus.SoftwareCausedConnectionAbort, // ECONNABORTED
        104 or 32 => SocketStatus.ConnectionResetByPeer,   // ECONNRESET, EPIPE
        110 => SocketStatus.ConnectionTimedOut,            // ETIMEDOUT
        111 => SocketStatus.ConnectionRefused,             // ECONNREFUSED
        113 => SocketStatus.UnreachableHost,               // EHOSTUNREACH
        _ => SocketStatus.Unknown,
    };
}
