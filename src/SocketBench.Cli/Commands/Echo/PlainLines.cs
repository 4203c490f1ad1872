using System.Runtime.CompilerServices;
using SocketBench.Echo.Logging;
using Spectre.Console;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>
/// Log lines go straight to the console's writer: no markup parsing (a request may contain '['), and no
/// wrapping at the console width, so each event stays one line that grep and tests can match.
/// </summary>
internal static class PlainLines
{
    // One lock per writer for every line, the command's own and the servers' alike: connections and the sink log
    // from many tasks while the command prints, and a writer such as a StringWriter breaks when two lines meet.
    private static readonly ConditionalWeakTable<TextWriter, TextWriter> SynchronizedWriters = new();

    public static void Line(this IAnsiConsole console, string text) => WriterOf(console).WriteLine(text);

    /// <summary>Server and client lines as plain text; one line must not tear another.</summary>
    public static EchoLog EchoLog(this IAnsiConsole console) => new(WriterOf(console).WriteLine);

    private static TextWriter WriterOf(IAnsiConsole console) =>
        SynchronizedWriters.GetValue(console.Profile.Out.Writer, TextWriter.Synchronized);
}
