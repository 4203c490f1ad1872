using System.Text;
using System.Threading.Channels;
using CliWrap;

namespace SocketBench.Echo.Tests.Support;

/// <summary>An external peer (socat, ncat, openssl) with its stdin and output captured; killed on dispose.</summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly string _tool;
    private readonly StringBuilder _output = new();
    private readonly Channel<string> _input = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _run;

    private PeerProcess(string tool, IReadOnlyList<string> arguments)
    {
        _tool = tool;
        var heard = PipeTarget.ToDelegate(Append);
        // stdin stays open for SendLineAsync until the peer is stopped; cancelling _stop kills its process tree.
        _run = CliWrap.Cli.Wrap(PeerTools.Require(tool)).WithArguments(arguments).WithValidation(CommandResultValidation.None)
            .WithStandardInputPipe(PipeSource.Create(async (stdin, cancellationToken) =>
            {
                await foreach (string line in _input.Reader.ReadAllAsync(cancellationToken))
                {
                    await stdin.WriteAsync(Encoding.UTF8.GetBytes(line + "\n"), cancellationToken);
                    await stdin.FlushAsync(cancellationToken);
                }
            }))
            .WithStandardOutputPipe(heard).WithStandardErrorPipe(heard).ExecuteAsync(_stop.Token);
    }

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static PeerProcess Start(string tool, params string[] arguments) => new(tool, arguments);

    public Task SendLineAsync(string line) => _input.Writer.WriteAsync(line).AsTask();

    /// <summary>Waits (deadline, not sleep) until the peer has printed <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + Deadlines.Default;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_tool} did not print '{text}'; it printed:\n{Output}");
            }

            await Task.Delay(10);
        }
    }

    private void Append(string line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        // Cancelled, it ends in an OperationCanceledException; waited for (up to 5 s) before the test's sockets go.
        _run.ContinueWith(_ => { }, TaskScheduler.Default).Wait(5000);
        _stop.Dispose();
    }
}
