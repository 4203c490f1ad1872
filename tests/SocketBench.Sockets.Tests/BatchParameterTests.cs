using SocketBench.Core;
using SocketBench.Core.Batches;
using SocketBench.Core.Sending;
using SocketBench.Sockets;

namespace SocketBench.Sockets.Tests;

/// <summary>A parameter that makes no sense is one clear line quoting the value, before any socket opens.</summary>
public sealed class BatchParameterTests
{
    [Theory]
    [InlineData(0, "'0'")]
    [InlineData(-5, "'-5'")]
    public void Buffer_size_below_one_byte_is_rejected(int size, string quoted)
    {
        var error = Assert.Throws<InvalidCaseException>(() => new BatchShape(Transport.Tcp, size, 16));

        Assert.Contains(quoted, error.Message);
        Assert.Contains("Example: BufferSize=", error.Message);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void Buffer_count_of_zero_is_rejected()
    {
        var error = Assert.Throws<InvalidCaseException>(() => new BatchShape(Transport.Udp, 64, 0));

        Assert.Contains("'0'", error.Message);
        Assert.Contains("Example: BufferCount=64", error.Message);
    }

    [Fact]
    public void Udp_datagram_over_65507_bytes_is_rejected_but_tcp_accepts_the_size()
    {
        var error = Assert.Throws<InvalidCaseException>(() => new BatchShape(Transport.Udp, 65508, 1));

        Assert.Contains("'65508'", error.Message);
        Assert.Contains("65507", error.Message);
        Assert.Equal(65508, new BatchShape(Transport.Tcp, 65508, 1).BufferSize);
        Assert.Equal(65507, new BatchShape(Transport.Udp, 65507, 1).BufferSize);
    }
}
