using SocketBench.Cli;
using Spectre.Console.Testing;

namespace SocketBench.Reporting.Tests;

/// <summary>Runs socketbench in-process with a recording console; returns what a user would see.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        var console = new TestConsole().Width(250);
        var errors = new StringWriter();
        int exitCode = SocketBenchApp.Create(console, errors).Run(args);
        return new CliRun(exitCode, console.Output, errors.ToString());
    }
}
