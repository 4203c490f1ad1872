namespace SocketBench.Core.Sending;

/// <summary>The socket APIs a session can be built on. The names appear in benchmark IDs and never change.</summary>
public enum Backend
{
    /// <summary>.NET's System.Net.Sockets, on every OS.</summary>
    Sockets,

    /// <summary>Windows.Networking.Sockets (StreamSocket, DatagramSocket), on Windows only.</summary>
    WinRT,
}
