using System.Diagnostics;
using System.Text;

namespace SocketBench.Echo.Tests.Support;

/// <summary>An external peer (socat, ncat, openssl) with its stdin and output captured; killed on dispose.</summary>
internal sealed class PeerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PeerProcess(Process process)
    {
        _process = process;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
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

    public static PeerProcess Start(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(PeerTools.Require(tool))
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return new PeerProcess(Process.Start(start)!);
    }

    public async Task SendLineAsync(string line)
    {
        await _process.StandardInput.WriteAsync(line + "\n");
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits (deadline, not sleep) until the peer has printed <paramref name="text"/>.</summary>
    public async Task WaitForOutputAsync(string text)
    {
        var deadline = DateTime.UtcNow + Deadlines.Default;
        while (!Output.Contains(text, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{_process.StartInfo.FileName} did not print '{text}'; it printed:\n{Output}");
            }

            await Task.Delay(10);
        }
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            _process.WaitForExit(5000);
        }

        _process.Dispose();
    }
}
