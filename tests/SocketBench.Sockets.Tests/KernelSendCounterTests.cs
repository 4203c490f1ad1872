using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SocketBench.Sockets.Buffers;
using SocketBench.Sockets.Native;

namespace SocketBench.Sockets.Tests;

/// <summary>
/// The kernel's count of send calls on one descriptor, on real loopback sockets, against sends whose
/// number the test knows, made from the test thread, pool threads (older and newer than the counter),
/// dedicated threads and .NET's socket engine. Skipped, with the counter's reason, where perf events are unavailable.
/// </summary>
public sealed class KernelSendCounterTests
{
    private const int Sends = 50;
    private static readonly byte[] s_payload = new byte[64];

    [SkippableFact]
    public void Each_Socket_Send_is_one_sendto()
    {
        using var pair = TcpPair.Open();
        using var counter = OpenOrSkip(pair.Client);

        counter.Start();
        for (int index = 0; index < Sends; index++)
        {
            pair.Client.Send(s_payload);
        }

        Assert.Equal(new KernelSendCounts(SendTo: Sends, SendMsg: 0, SendMmsg: 0, Write: 0, Writev: 0), counter.Stop());
    }

    [SkippableFact]
    public async Task Sends_from_thread_pool_work_and_from_SendAsync_are_counted()
    {
        using var pair = TcpPair.Open();
        using var counter = OpenOrSkip(pair.Client);

        counter.Start();
        await Task.Run(() => SendMany(pair.Client, Sends));
        await Task.Run(async () =>
        {
            for (int index = 0; index < Sends; index++)
            {
                await pair.Client.SendAsync(s_payload);
            }
        });

        Assert.Equal(2 * Sends, counter.Stop().SendTo);
    }

    [SkippableFact]
    public async Task A_SendAsync_finished_by_the_socket_engine_counts_its_retries()
    {
        using var pair = TcpPair.Open();
        pair.Client.SendBufferSize = 64 * 1024;
        pair.Server.ReceiveBufferSize = 64 * 1024;
        using var counter = OpenOrSkip(pair.Client);
        var payload = new byte[4 << 20];

        counter.Start();
        // The first send fills the socket and meets EAGAIN; the rest is sent, in further calls,
        // when epoll reports room: by the engine's thread or the pool, not by this one.
        var sending = pair.Client.SendAsync(payload.AsMemory()).AsTask();
        await Task.Delay(50);
        await Task.Run(() => Receive(pair.Server, payload.Length));
        await sending;

        Assert.True(counter.Stop().SendTo > 1, "the retries after EAGAIN were not counted");
    }

    [SkippableFact]
    public async Task Sends_from_pool_threads_created_after_opening_are_counted()
    {
        using var pair = TcpPair.Open();
        using var counter = OpenOrSkip(pair.Client);
        ThreadPool.GetMinThreads(out int workers, out int completionPorts);
        int concurrent = ThreadPool.ThreadCount + 4;
        ThreadPool.SetMinThreads(Math.Max(workers, concurrent), completionPorts);
        try
        {
            // Work items that wait for each other need as many pool threads at once, so the pool
            // has to create new ones now, after the counter opened.
            using var allRunning = new CountdownEvent(concurrent);
            var newThreads = new ConcurrentBag<int>();
            counter.Start();
            await Task.WhenAll(Enumerable.Range(0, concurrent).Select(_ => Task.Run(() =>
            {
                int tid = CurrentThreadId();
                if (!counter.CountedAtOpen(tid))
                {
                    newThreads.Add(tid);
                    pair.Client.Send(s_payload);
                }

                allRunning.Signal();
                allRunning.Wait(TimeSpan.FromSeconds(10));
            })));

            Assert.NotEmpty(newThreads);
            Assert.Equal(newThreads.Count, counter.Stop().SendTo);
        }
        finally
        {
            ThreadPool.SetMinThreads(workers, completionPorts);
        }
    }

    [SkippableFact]
    public void A_thread_created_after_opening_is_counted_in_the_window_only()
    {
        using var pair = TcpPair.Open();
        using var counter = OpenOrSkip(pair.Client);
        RunOnNewThread(() => SendMany(pair.Client, 7));

        // That thread has exited; what it sent before the window stays out of it.
        counter.Start();
        RunOnNewThread(() => SendMany(pair.Client, Sends));

        Assert.Equal(Sends, counter.Stop().SendTo);
    }

    [SkippableFact]
    public async Task Sends_on_another_descriptor_in_the_same_window_are_not_counted()
    {
        using var counted = TcpPair.Open();
        using var other = TcpPair.Open();
        using var counter = OpenOrSkip(counted.Client);

        counter.Start();
        SendMany(counted.Client, Sends);
        SendMany(other.Client, Sends);
        SendMany(counted.Server, Sends);
        RunOnNewThread(() => SendMany(other.Client, Sends));
        await Task.Run(() => SendMany(other.Client, Sends));

        Assert.Equal(Sends, counter.Stop().Total);
    }

    [SkippableFact]
    public void A_sendmmsg_counts_once_per_call_however_many_datagrams()
    {
        using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        sender.Connect(receiver.LocalEndPoint!);
        using var counter = OpenOrSkip(sender);
        var ownCount = new SendCounters();
        using var native = new NativeSocket(sender, ownCount);
        using var batch = new MmsgSender(native);
        var datagrams = Enumerable.Range(0, 16).Select(_ => new PinnedBuffer(64)).ToArray();

        counter.Start();
        for (int call = 0; call < 5; call++)
        {
            batch.Send(datagrams);
        }

        var counts = counter.Stop();
        Assert.Equal(new KernelSendCounts(SendTo: 0, SendMsg: 0, SendMmsg: 5, Write: 0, Writev: 0), counts);
        Assert.Equal(ownCount.SendCalls, counts.Total);
    }

    private static KernelSendCounter OpenOrSkip(Socket socket)
    {
        var counter = KernelSendCounter.TryOpen(socket, out string? reason);
        Skip.If(counter is null, reason);
        return counter;
    }

    private static void SendMany(Socket socket, int count)
    {
        for (int index = 0; index < count; index++)
        {
            socket.Send(s_payload);
        }
    }

    private static void Receive(Socket socket, int length)
    {
        var buffer = new byte[64 * 1024];
        for (int received = 0; received < length;)
        {
            received += socket.Receive(buffer);
        }
    }

    private static void RunOnNewThread(Action action)
    {
        var thread = new Thread(() => action());
        thread.Start();
        thread.Join();
    }

    /// <summary>The kernel's id of the calling thread: /proc/thread-self links to "pid/task/tid".</summary>
    private static int CurrentThreadId() =>
        int.Parse(Path.GetFileName(new DirectoryInfo("/proc/thread-self").LinkTarget!), CultureInfo.InvariantCulture);

    private sealed record TcpPair(Socket Listener, Socket Client, Socket Server) : IDisposable
    {
        public static TcpPair Open()
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            listener.Listen(1);
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            client.Connect(listener.LocalEndPoint!);
            return new TcpPair(listener, client, listener.Accept());
        }

        public void Dispose()
        {
            Server.Dispose();
            Client.Dispose();
            Listener.Dispose();
        }
    }
}
