using System.Net;
using System.Runtime.InteropServices.WindowsRuntime;
using SocketBench.Echo;
using SocketBench.Echo.Logging;
using SocketBench.Echo.Servers;
using SocketBench.WinRT.Networking;
using Windows.Networking.Sockets;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Echo;

/// <summary>
/// The UDP echo server on a <see cref="DatagramSocket"/>: <c>MessageReceived</c> hands over each datagram, and
/// the reply goes to the sender's own address and port through <c>GetOutputStreamAsync</c> (the guide's sample
/// replies to a fixed client port instead), one output stream per reply, disposed once the reply is written as in the
/// guide's sample. <c>--share-port</c> is <c>DatagramSocketControl.MulticastOnly</c>.
/// </summary>
[Speaks(EchoProtocol.Udp)]
public sealed class WinRtUdpEchoServer : EchoServer
{
    // Echoes run concurrently (each MessageReceived starts one) and use the socket: it closes once they have finished,
    // or after EchoDrainLimit, so a reply stuck in WriteAsync cannot hold the server open.
    private static readonly TimeSpan EchoDrainLimit = TimeSpan.FromSeconds(2);
    private readonly DatagramSocket _socket = new();
    private readonly TaskCompletionSource _echoesDone = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _echoesRunning;

    private WinRtUdpEchoServer(EchoServerOptions options, EchoLog log)
        : base(options, log)
    {
        // Both before binding: the guide sets MulticastOnly before bind or connect, and a datagram may arrive at once.
        _socket.Control.MulticastOnly = options.SharePort;
        _socket.MessageReceived += OnMessageReceived;
    }

    public static async Task<WinRtUdpEchoServer> StartAsync(EchoServerOptions options, EchoLog log)
    {
        Check(options);
        var server = new WinRtUdpEchoServer(options, log);
        var socket = server._socket;
        server.LocalEndPoint = await WinRtEndPoints.BindAsync(
            options.Address, options.Port, socket, socket.BindServiceNameAsync, socket.BindEndpointAsync, () => socket.Information.LocalPort,
            $"UDP {new IPEndPoint(options.Address, options.Port)}{(options.SharePort ? " with --share-port" : "")}");
        server.Completion = server.RunAsync();
        return server;
    }

    private async Task RunAsync()
    {
        Log.Info($"server is bound to port number {LocalEndPoint.Port}");
        // Until DisposeAsync, or the one request with Once, cancels it.
        await Task.Delay(Timeout.Infinite, Stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);

        _socket.MessageReceived -= OnMessageReceived;
        if (Volatile.Read(ref _echoesRunning) == 0)
        {
            _echoesDone.TrySetResult();
        }

        await _echoesDone.Task.WaitAsync(EchoDrainLimit).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (!_echoesDone.Task.IsCompleted)
        {
            Log.Warn($"server is closing its socket with {Volatile.Read(ref _echoesRunning)} echoes still running after {EchoDrainLimit.TotalSeconds} s");
        }

        _socket.Dispose();
        Log.Info("server closed its socket");
    }

    private void OnMessageReceived(DatagramSocket sender, DatagramSocketMessageReceivedEventArgs args)
    {
        Interlocked.Increment(ref _echoesRunning);
        _ = EchoAsync(args);
    }

    /// <summary>Echoes one datagram; counted up before it starts and down here, so the server sees every echo that got past its stop check.</summary>
    private async Task EchoAsync(DatagramSocketMessageReceivedEventArgs args)
    {
        try
        {
            if (Stop.IsCancellationRequested)
            {
                return;
            }

            string from = WinRtEndPoints.From(args.RemoteAddress, args.RemotePort).ToString() ?? "a sender";
            byte[] payload;
            try
            {
                using DataReader reader = args.GetDataReader();
                payload = new byte[reader.UnconsumedBufferLength];
                reader.ReadBytes(payload);
            }
            catch (Exception e)
            {
                // Windows reports an earlier reply's ICMP "port unreachable" here; that sender is gone, the server is not.
                if (!Stop.IsCancellationRequested && WinRtSocketErrors.StatusOf(e) != SocketBench.Core.Errors.SocketStatus.ConnectionResetByPeer)
                {
                    Log.Warn($"server could not read a datagram from {from}: {WinRtSocketErrors.Describe(e)}");
                }

                return;
            }

            await EchoDatagramAsync(
                payload,
                from,
                async () =>
                {
                    using IOutputStream output = await _socket.GetOutputStreamAsync(args.RemoteAddress, args.RemotePort);
                    await output.WriteAsync(payload.AsBuffer()); // one write, one datagram
                },
                e => WinRtSocketErrors.StatusOf(e)).ConfigureAwait(false);
        }
        finally
        {
            if (Interlocked.Decrement(ref _echoesRunning) == 0 && Stop.IsCancellationRequested)
            {
                _echoesDone.TrySetResult();
            }
        }
    }
}
