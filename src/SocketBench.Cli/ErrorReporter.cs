using SocketBench.Core.Errors;
using Spectre.Console;
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

    public static int Report(Exception exception, ITypeResolver? resolver) => Report(exception, Console.Error);

    /// <summary>Writes the one line to <paramref name="errors"/> (stderr, or a test's writer).</summary>
    public static int Report(Exception exception, TextWriter errors)
    {
        var (message, exitCode) = Describe(exception);
        errors.WriteLine($"error: {message}");
        return exitCode;
    }

    private static (string Message, int ExitCode) Describe(Exception exception) => exception switch
    {
        SocketStatusException status => (OneLine(status.Message), status.IsBadInput ? BadInput : Failure),
        CommandParseException or CommandRuntimeException => (OneLine(exception.Message), BadInput),
        ArgumentException => (OneLine(exception.Message), BadInput),
        _ => (OneLine(exception.Message), Failure),
    };

    private static string OneLine(string text) => text.ReplaceLineEndings(" ").Trim();
}
