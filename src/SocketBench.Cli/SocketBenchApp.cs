using SocketBench.Cli.Commands;
using SocketBench.Cli.Commands.Echo;
using SocketBench.Cli.Commands.Serve;
using SocketBench.Core.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli;

/// <summary>Registers the commands; tests build the same app with a recording console.</summary>
public static class SocketBenchApp
{
    /// <param name="console">Where commands write (tests pass a recording console).</param>
    /// <param name="errors">Where the one-line error goes (default stderr).</param>
    public static CommandApp Create(IAnsiConsole? console = null, TextWriter? errors = null)
    {
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("socketbench");
            config.SetExceptionHandler((exception, _) => Report(exception, errors ?? Console.Error));
            config.Settings.Console = console;

            // Command registrations, one line per command or branch.
            config.AddCommand<ReportCommand>("report").WithDescription("Charts (PNG, SVG), report.md and index.html from BenchmarkDotNet full JSON results.")
                .WithExample("report", "results/default", "--out", "results/report");
            config.AddCommand<CompareCommand>("compare").WithDescription("Compares two result sets benchmark by benchmark; exit 1 when something got slower.")
                .WithExample("compare", "results/baselines/linux-x64", "results/ci", "--threshold", "5%", "--md", "compare.md");
            config.AddCommand<GateCommand>("gate").WithDescription("Runs the gate job (or takes --results) and fails on a regression against the committed baseline, or with --base against a commit run here.")
                .WithExample("gate", "--results", "results/ci")
                .WithExample("gate", "--base", "HEAD~1", "--rounds", "3");
            config.AddCommand<ServeCommand>("serve").WithDescription("Runs the receiving side for --peer runs on another host: sink (TCP, UDP) and echo servers, until Ctrl+C.")
                .WithExample("serve", "--listen", "0.0.0.0:5201");
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

    /// <summary>
    /// Turns any exception that reaches the top into one line on <paramref name="errors"/> and the exit code: users see
    /// what was wrong, never a stack trace. Bad input exits 2, any other failure 1.
    /// </summary>
    private static int Report(Exception exception, TextWriter errors)
    {
        errors.WriteLine($"error: {exception.Message.ReplaceLineEndings(" ").Trim()}");
        return exception switch
        {
            SocketStatusException status => status.IsBadInput ? 2 : 1,
            CommandParseException or CommandRuntimeException or ArgumentException => 2,
            _ => 1,
        };
    }
}
