using System.Globalization;
using SocketBench.Core.Errors;
using SocketBench.Echo.Errors;
using Windows.Networking.Sockets;

namespace SocketBench.WinRT;

/// <summary>
/// Errors from WinRT socket operations arrive as exceptions carrying an HRESULT; <see cref="SocketError.GetStatus"/>
/// names the socket failure behind it, as the guide's "Handling exceptions" section describes. This file holds
/// the one table from those names to the <see cref="SocketStatus"/> values the portable backend reports too.
/// </summary>
public static class WinRtSocketErrors
{
    /// <summary>The WinRT status for an exception from a socket operation (<c>Unknown</c> when the HRESULT is not a socket error).</summary>
    public static SocketErrorStatus WinRtStatusOf(Exception exception) => SocketError.GetStatus(exception.GetBaseException().HResult);

    /// <summary>
    /// The shared status: the WinRT one through <see cref="ToSocketStatus"/>, or, for failures that are not socket
    /// errors (a framing violation, a timeout, .NET's TLS on the server side), the portable table's answer.
    /// </summary>
    public static SocketStatus StatusOf(Exception exception) => exception switch
    {
        SocketStatusException known => known.Status,
        _ when ToSocketStatus(WinRtStatusOf(exception)) is not SocketStatus.Unknown and var status => status,
        _ => SocketStatusMap.StatusOf(exception),
    };

    /// <summary>Wraps a failure as a <see cref="SocketStatusException"/> that says what was being done.</summary>
    public static SocketStatusException Wrap(Exception exception, string doing) => SocketStatusMap.Wrap(exception, doing, StatusOf);

    /// <summary>One line: the status name, the HRESULT and the exception's message.</summary>
    public static string Describe(Exception exception) =>
        string.Create(CultureInfo.InvariantCulture, $"{WinRtStatusOf(exception)} (HRESULT 0x{exception.HResult:x8}): {exception.Message}");

    /// <summary>
    /// The table. Same-named values map to each other; the rest go to the closest shared status, so both
    /// backends print the same name and hint for the same failure.
    /// </summary>
    public static SocketStatus ToSocketStatus(SocketErrorStatus status) => status switch
    {
        SocketErrorStatus.OperationAborted => SocketStatus.OperationAborted,
        SocketErrorStatus.HttpInvalidServerResponse => SocketStatus.ProtocolViolation,
        SocketErrorStatus.ConnectionTimedOut => SocketStatus.ConnectionTimedOut,
        SocketErrorStatus.HostNotFound or SocketErrorStatus.NonAuthoritativeHostNotFound => SocketStatus.HostNotFound,
        SocketErrorStatus.NoAddressesFound or SocketErrorStatus.NoDataRecordOfRequestedType or SocketErrorStatus.AddressFamilyNotSupported => SocketStatus.NoAddressesFound,
        SocketErrorStatus.AddressAlreadyInUse => SocketStatus.AddressAlreadyInUse,
        SocketErrorStatus.CannotAssignRequestedAddress => SocketStatus.CannotAssignRequestedAddress,
        SocketErrorStatus.ConnectionRefused => SocketStatus.ConnectionRefused,
        SocketErrorStatus.NetworkIsUnreachable => SocketStatus.NetworkIsUnreachable,
        SocketErrorStatus.UnreachableHost or SocketErrorStatus.HostIsDown => SocketStatus.UnreachableHost,
        SocketErrorStatus.NetworkIsDown => SocketStatus.NetworkIsDown,
        SocketErrorStatus.NetworkDroppedConnectionOnReset or SocketErrorStatus.SoftwareCausedConnectionAbort => SocketStatus.SoftwareCausedConnectionAbort,
        SocketErrorStatus.ConnectionResetByPeer => SocketStatus.ConnectionResetByPeer,
        SocketErrorStatus.TooManyOpenFiles => SocketStatus.TooManyOpenFiles,
        SocketErrorStatus.MessageTooLong => SocketStatus.MessageTooLong,
        SocketErrorStatus.CertificateExpired => SocketStatus.CertificateExpired,
        SocketErrorStatus.CertificateUntrustedRoot => SocketStatus.CertificateUntrustedRoot,
        SocketErrorStatus.CertificateCommonNameIsIncorrect => SocketStatus.CertificateCommonNameIsIncorrect,
        SocketErrorStatus.CertificateWrongUsage or SocketErrorStatus.CertificateRevoked or SocketErrorStatus.CertificateNoRevocationCheck
            or SocketErrorStatus.CertificateRevocationServerOffline or SocketErrorStatus.CertificateIsInvalid => SocketStatus.CertificateIsInvalid,
        // Unknown, SocketTypeNotSupported, ClassTypeNotFound: nothing the echo harness or the benchmarks can cause.
        _ => SocketStatus.Unknown,
    };
}
