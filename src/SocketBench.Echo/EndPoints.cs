using System.Net;

namespace SocketBench.Echo;

/// <summary>End points as people write them: a dual-mode socket's [::ffff:127.0.0.1] shows as 127.0.0.1.</summary>
public static class EndPoints
{
    public static EndPoint Readable(EndPoint endPoint) =>
        endPoint is IPEndPoint { Address.IsIPv4MappedToIPv6: true } mapped
            ? new IPEndPoint(mapped.Address.MapToIPv4(), mapped.Port)
            : endPoint;
}
