using System.Diagnostics;

namespace SocketBench.Cli.Commands.Ab;

/// <summary>
/// Runs one <c>dotnet</c> command in a tree, passing each output line to a callback (for the status line)
/// and keeping the last lines for an error. Cancelling kills the whole process tree.
/// </summary>
internal static class TreeProcess
{
    private const int TailLines = 20;

    public static (int ExitCode, IReadOnlyList<string> Tail) Run(
        string workingDirectory, IReadOnlyList<string> arguments, Action<string> onLine, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var tail = new Queue<string>();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        using var kill = cancellationToken.Register(() => Kill(process));
        process.ErrorDataReceived += (_, line) => Remember(tail, line.Data);
        process.BeginErrorReadLine();
        while (process.StandardOutput.ReadLine() is { } line)
        {
            Remember(tail, line);
            onLine(line);
        }

        process.WaitForExit();
        cancellationToken.ThrowIfCancellationRequested();
        lock (tail)
        {
            return (process.ExitCode, tail.ToList());
        }
    }

    private static void Kill(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It ended on its own in the meantime.
        }
    }

    private static void Remember(Queue<string> tail, string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
        {
            return;
        }

        lock (tail)
        {
            tail.Enqueue(line);
            if (tail.Count > TailLines)
            {
                tail.Dequeue();
            }
        }
    }
}
