using System.Globalization;
using System.Net;
using SocketBench.Core.Errors;
using SocketBench.Echo.Errors;
using Windows.Foundation;
using Windows.Networking;

namespace SocketBench.WinRT.Networking;

/// <summary>Between WinRT's host names and service names and the end points the shared echo interfaces speak.</summary>
public static class WinRtEndPoints
{
    /// <summary>The IPv4 loopback address, the host every loopback session binds and connects to.</summary>
    public const string Loopback = "127.0.0.1";

    private const int InvalidArgument = unchecked((int)0x80070057); // E_INVALIDARG

    /// <summary>
    /// The <see cref="HostName"/> for a host a user typed, guarded as the guide advises: first the portable harness's
    /// check, so both backends reject the same strings for the same reason, then the constructor, which throws on a
    /// string that is not a valid host name. Either failure is InvalidHostName naming the bad value, before any connection.
    /// </summary>
    public static HostName ParseHost(string text)
    {
        HostNames.Validate(text);
        try
        {
            return new HostName(text);
        }
        catch (Exception exception) when (exception is ArgumentException || exception.HResult == InvalidArgument)
        {
            throw new SocketStatusException(SocketStatus.InvalidHostName,
                $"'{text}' is not a valid host name ({exception.Message.ReplaceLineEndings(" ").TrimEnd('.', ' ')})");
        }
    }

    /// <summary>An <see cref="IPEndPoint"/> when the host is an address (the usual case on a connected socket), else a <see cref="DnsEndPoint"/>.</summary>
    public static EndPoint From(HostName? host, string port)
    {
        int number = Port(port);
        string name = host?.CanonicalName ?? "?";
        return IPAddress.TryParse(name, out var address) ? new IPEndPoint(address, number) : new DnsEndPoint(name, number);
    }

    /// <summary>The port number in a service name WinRT reports (LocalPort, RemotePort); 0 when it is not a number.</summary>
    public static int Port(string serviceName) =>
        int.TryParse(serviceName, NumberStyles.None, CultureInfo.InvariantCulture, out int port) ? port : 0;

    /// <summary>A port as WinRT takes it, a service name: empty lets the system pick, as port 0 does.</summary>
    public static string ServiceName(int port) => port == 0 ? string.Empty : port.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Binds a server's listener or datagram socket through its own two methods: by service name alone for a wildcard
    /// address (every local address), else to the one address, its HostName made inside the guard. Returns the end point
    /// bound, with the port the system picked for port 0; a failure disposes the socket and names what was being bound.
    /// </summary>
    public static async Task<IPEndPoint> BindAsync(
        IPAddress address, int port, IDisposable socket, Func<string, IAsyncAction> bindServiceName, Func<HostName, string, IAsyncAction> bindEndpoint, Func<string> localPort, string binding)
    {
        try
        {
            await (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)
                ? bindServiceName(ServiceName(port))
                : bindEndpoint(ParseHost(address.ToString()), ServiceName(port)));
            return new IPEndPoint(address, Port(localPort()));
        }
        catch (Exception e)
        {
            socket.Dispose();
            throw WinRtSocketErrors.Wrap(e, $"binding {binding}");
        }
    }
}
