using SocketBench.Cli.Commands.Echo;
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
            config.AddBranch("echo", echo =>
            {
                echo.SetDescription("Reference echo harnesses (the guide's samples): tcp-line, tcp-length and udp, with TLS");
                echo.AddCommand<EchoServerCommand>("server")
                    .WithDescription("Run an echo server until Ctrl+C (or for one request with --once)")
                    .WithExample("echo", "server", "--protocol", "tcp-line", "--port", "1337");
                echo.AddCommand<EchoClientCommand>("client")
                    .WithDescription("Send messages to an echo server and print the responses")
                    .WithExample("echo", "client", "--protocol", "tcp-line", "--port", "1337", "Hello, World!");
            });
        });
        return app;
    }
}
