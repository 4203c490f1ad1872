using CliWrap;
using Spectre.Console;

namespace SocketBench.Cli.Commands.Ab;

/// <summary>
/// Runs one <c>dotnet</c> command in a tree under a status line that shows its latest "// Benchmark:" line,
/// keeping the last output lines for an error. Cancelling kills the whole process tree.
/// </summary>
internal static class TreeProcess
{
    private const int TailLines = 20;

    public static (int ExitCode, IReadOnlyList<string> Tail) WithStatus(
        IAnsiConsole console, string title, string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        (int, IReadOnlyList<string>) result = default;
        console.Status().Start(Markup.Escape(title), status =>
        {
            result = Run(workingDirectory, arguments, line =>
            {
                if (line.StartsWith("// Benchmark:", StringComparison.Ordinal))
                {
                    string shown = line.Length > 100 ? line[..100] + "…" : line;
                    status.Status(Markup.Escape($"{title} · {shown}"));
                }
            }, cancellationToken);
        });
        return result;
    }

    public static (int ExitCode, IReadOnlyList<string> Tail) Run(
        string workingDirectory, IReadOnlyList<string> arguments, Action<string> onLine, CancellationToken cancellationToken)
    {
        var tail = new Queue<string>();
        // CliWrap kills the process tree when the token is cancelled, then throws OperationCanceledException.
        var result = CliWrap.Cli.Wrap("dotnet").WithWorkingDirectory(workingDirectory).WithArguments(arguments)
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
            {
                Remember(tail, line);
                onLine(line);
            }))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Remember(tail, line)))
            .ExecuteAsync(cancellationToken).GetAwaiter().GetResult();
        lock (tail)
        {
            return (result.ExitCode, tail.ToList());
        }
    }

    private static void Remember(Queue<string> tail, string line)
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
