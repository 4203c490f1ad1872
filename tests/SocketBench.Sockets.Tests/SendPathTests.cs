using SocketBench.Core.Batches;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Sockets.Tests;

/// <summary>The "Send path" column names the calls the method really makes: checked against the send counter.</summary>
public sealed class SendPathTests
{
    public static TheoryData<Transport, SendMethod> EveryMethod()
    {
        var data = new TheoryData<Transport, SendMethod>();
        foreach (var transport in Enum.GetValues<Transport>())
        {
            foreach (var method in SendMethods.For(transport))
            {
                data.Add(transport, method);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryMethod))]
    public async Task A_path_that_says_per_batch_makes_one_call_per_batch_and_per_buffer_one_per_buffer(Transport transport, SendMethod method)
    {
        string path = SendPaths.Describe(transport, method);
        using var session = SocketSession.Open(new BatchShape(transport, 64, 32));

        await session.SendBatchAsync(method);
        session.WaitForDelivery();

        // 32 buffers of 64 B fit one call of every batched path, including GSO's 64-datagram chunks.
        bool batched = path.EndsWith("per batch", StringComparison.Ordinal) || path.Contains("per ≤64 datagrams", StringComparison.Ordinal);
        long expectedCalls = batched ? 1 : 32;
        Assert.Equal(expectedCalls, session.Delivery.SendCalls);
    }

    [Fact]
    public void A_method_of_the_other_transport_has_no_path()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SendPaths.Describe(Transport.Udp, SendMethod.GatherSend));
    }
}
