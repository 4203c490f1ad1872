using System.Globalization;
using Windows.Networking.Sockets;

namespace SocketBench.WinRT;

/// <summary>
/// Errors from WinRT socket operations arrive as exceptions carrying an HRESULT; <see cref="SocketError.GetStatus"/>
/// names the socket failure behind it, as the guide's "Handling exceptions" section describes.
/// </summary>
public static class WinRtSocketErrors
{
    /// <summary>The WinRT status for an exception from a socket operation (<c>Unknown</c> when the HRESULT is not a socket error).</summary>
    public static SocketErrorStatus StatusOf(Exception exception) => SocketError.GetStatus(exception.HResult);

    /// <summary>One line: the status name, the HRESULT and the exception's message.</summary>
    public static string Describe(Exception exception) =>
        string.Create(CultureInfo.InvariantCulture, $"{StatusOf(exception)} (HRESULT 0x{exception.HResult:x8}): {exception.Message}");
}
