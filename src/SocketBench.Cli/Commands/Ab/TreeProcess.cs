using System.Collections.Concurrent;
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
        IAnsiConsole console, string title, string workingDirectory, IReadOnlyList<string> arguments, CancellationToken cancellationToken,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        // Output and error lines arrive on two threads.
        var tail = new ConcurrentQueue<string>();
        // CliWrap kills the process tree when the token is cancelled, then throws OperationCanceledException.
        var result = console.Status().Start(Markup.Escape(title), status => CliWrap.Cli.Wrap("dotnet").WithWorkingDirectory(workingDirectory).WithArguments(arguments)
            .WithEnvironmentVariables(environment ?? new Dictionary<string, string?>())
            .WithValidation(CommandResultValidation.None)
            .WithStandardOutputPipe(PipeTarget.ToDelegate(line =>
            {
                Remember(tail, line);
                if (line.StartsWith("// Benchmark:", StringComparison.Ordinal))
                {
                    string shown = line.Length > 100 ? line[..100] + "…" : line;
                    status.Status(Markup.Escape($"{title} · {shown}"));
                }
            }))
            .WithStandardErrorPipe(PipeTarget.ToDelegate(line => Remember(tail, line)))
            .ExecuteAsync(cancellationToken).GetAwaiter().GetResult());
        return (result.ExitCode, [.. tail]);
    }

    private static void Remember(ConcurrentQueue<string> tail, string line)
    {
        if (!string.IsNullOrWhiteSpace(line))
        {
            tail.Enqueue(line);
        }

        if (tail.Count > TailLines)
        {
            tail.TryDequeue(out _);
        }
    }
}
