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
