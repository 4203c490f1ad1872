using SocketBench.Echo.Logging;
using Spectre.Console;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>
/// Log lines go straight to the console's writer: no markup parsing (a request may contain '['), and no
/// wrapping at the console width, so each event stays one line that grep and tests can match.
/// </summary>
internal static class PlainLines
{
    public static void Line(this IAnsiConsole console, string text) => console.Profile.Out.Writer.WriteLine(text);

    /// <summary>Server and client lines as plain text; connections log from many tasks, and one line must not tear another.</summary>
    public static EchoLog EchoLog(this IAnsiConsole console) => new(TextWriter.Synchronized(console.Profile.Out.Writer).WriteLine);
}
