namespace SocketBench.Benchmarks.Config;

/// <summary>Category names, in one place so filters (`--anyCategories`) and reports agree on them.</summary>
public static class Categories
{
    public const string Tcp = "Tcp";
    public const string Udp = "Udp";

    /// <summary>TLS 1.3 over a TCP stream: the guide's strategies on an SslStream.</summary>
    public const string Tls = "Tls";

    /// <summary>The guide's three strategies.</summary>
    public const string Strategy = "Strategy";

    /// <summary>The OS's own primitives, without the output abstraction: the limit for a batch shape.</summary>
    public const string Reference = "Reference";

    /// <summary>.NET's own send APIs (NetworkStream, Socket.SendAsync, PipeWriter, BufferedStream, SslStream) as a .NET developer writes them.</summary>
    public const string DotNetApi = "DotNetApi";

    /// <summary>Rows made of Linux system calls (raw send, sendmsg, sendmmsg): not offered elsewhere.</summary>
    public const string LinuxOnly = "LinuxOnly";

    /// <summary>UDP generic segmentation offload: offered only where the kernel has UDP_SEGMENT.</summary>
    public const string UdpGso = "UdpGso";

    /// <summary>The backend: System.Net.Sockets (every OS); the names are those of SocketBench.Core.Sending.Backend.</summary>
    public const string Sockets = nameof(Core.Sending.Backend.Sockets);

    /// <summary>The backend: Windows.Networking.Sockets (Windows only; its classes exist only in the Windows bench build).</summary>
    public const string WinRT = nameof(Core.Sending.Backend.WinRT);
}
