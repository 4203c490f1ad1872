using SocketBench.Core.Errors;
using Spectre.Console.Cli;

namespace SocketBench.Cli;

/// <summary>
/// Turns any exception that reaches the top into one line on stderr and a non-zero exit code:
/// users see what was wrong, never a stack trace.
/// </summary>
internal static class ErrorReporter
{
    public const int BadInput = 2;
    public const int Failure = 1;

    /// <summary>Writes the one line to <paramref name="errors"/> (stderr, or a test's writer) and returns the exit code.</summary>
    public static int Report(Exception exception, TextWriter errors)
    {
        errors.WriteLine($"error: {exception.Message.ReplaceLineEndings(" ").Trim()}");
        return exception switch
        {
            SocketStatusException status => status.IsBadInput ? BadInput : Failure,
            CommandParseException or CommandRuntimeException or ArgumentException => BadInput,
            _ => Failure,
        };
    }
}
