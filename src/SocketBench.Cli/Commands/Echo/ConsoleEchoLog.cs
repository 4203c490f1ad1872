using SocketBench.Echo.Logging;
using Spectre.Console;

namespace SocketBench.Cli.Commands.Echo;

/// <summary>Writes server and client lines to the console as plain text (a request may contain markup characters).</summary>
internal sealed class ConsoleEchoLog(IAnsiConsole console) : IEchoLog
{
    // Connections log from many tasks; one line must not tear another.
    private readonly Lock _gate = new();

    public void Info(string line)
    {
        lock (_gate)
        {
            console.Line(line);
        }
    }

    public void Warn(string line)
    {
        lock (_gate)
        {
            console.Line($"warning: {line}");
        }
    }
}

/// <summary>
/// Log lines go straight to the console's writer: no markup parsing (a request may contain '['), and no
/// wrapping at the console width, so each event stays one line that grep and tests can match.
/// </summary>
internal static class PlainLines
{
    public static void Line(this IAnsiConsole console, string text) => console.Profile.Out.Writer.WriteLine(text);
}
