using SocketBench.Cli;
using Spectre.Console.Testing;

namespace SocketBench.Reporting.Tests;

/// <summary>Runs socketbench in-process with a recording console; returns what a user would see.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args) => Of(CancellationToken.None, args);

    /// <summary>Runs with a token the command sees as Ctrl+C: a test's deadline.</summary>
    public static CliRun Of(CancellationToken cancellationToken, params string[] args)
    {
        var console = new TestConsole().Width(250);
        var errors = new StringWriter();
        int exitCode = SocketBenchApp.Create(console, errors).Run(args, cancellationToken);
        return new CliRun(exitCode, console.Output, errors.ToString());
    }
}
