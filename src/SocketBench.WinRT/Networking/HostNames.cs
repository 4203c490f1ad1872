using SocketBench.Core.Errors;
using Windows.Networking;
using EchoHostNames = SocketBench.Echo.Errors.HostNames;

namespace SocketBench.WinRT.Networking;

/// <summary>
/// <see cref="HostName"/> construction, guarded as the guide advises: the constructor throws on a string
/// that is not a valid host name, and the caller gets one line naming the bad value instead.
/// </summary>
public static class HostNames
{
    /// <summary>The IPv4 loopback address, the host every loopback session binds and connects to.</summary>
    public const string Loopback = "127.0.0.1";

    private const int InvalidArgument = unchecked((int)0x80070057); // E_INVALIDARG

    public static bool TryCreate(string text, out HostName? hostName, out string? error)
    {
        try
        {
            hostName = new HostName(text);
            error = null;
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException || exception.HResult == InvalidArgument)
        {
            hostName = null;
            error = $"'{text}' is not a valid host name ({exception.Message.ReplaceLineEndings(" ").TrimEnd('.', ' ')})";
            return false;
        }
    }

    /// <summary>Creates a host name or throws an <see cref="ArgumentException"/> whose message quotes the bad value.</summary>
    public static HostName Create(string text) =>
        TryCreate(text, out var hostName, out var error) ? hostName! : throw new ArgumentException($"{error}. Examples: localhost, 127.0.0.1, ::1.", nameof(text));

    /// <summary>
    /// For a host a user typed: first the portable harness's check, so both backends reject the same strings
    /// for the same reason, then the guarded constructor. Either failure is InvalidHostName, before any connection.
    /// </summary>
    public static HostName CreateOrReject(string text)
    {
        EchoHostNames.Validate(text);
        return TryCreate(text, out var hostName, out var error)
            ? hostName!
            : throw new SocketStatusException(SocketStatus.InvalidHostName, error!);
    }
}
