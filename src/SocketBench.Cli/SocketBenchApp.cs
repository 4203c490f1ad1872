using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli;

/// <summary>Registers the commands; tests build the same app with a recording console.</summary>
public static class SocketBenchApp
{
    public static CommandApp Create(IAnsiConsole? console = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("socketbench");
            config.SetExceptionHandler(ErrorReporter.Report);
            if (console is not null)
            {
                config.ConfigureConsole(console);
            }

            // Command registrations, one line per command or branch.
        });
        return app;
    }
}
