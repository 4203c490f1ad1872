using System.Text;
using CliWrap;

namespace SocketBench.Benchmarks.Limits;

/// <summary>
/// Runs a tool to completion with a deadline. A tool that outlives it is killed: a limit run that
/// hangs (a server that never answers) must not hold the benchmark session, nor load the machine.
/// </summary>
public sealed record ToolProcess(int ExitCode, string Output, string Error, bool TimedOut)
{
    /// <summary>The first non-empty line of the error output, else of the output: a failure's reason.</summary>
    public string OneLine =>
        (Error + "\n" + Output).Split('\n').Select(line => line.Trim()).FirstOrDefault(line => line.Length > 0) ?? "no output";

    public static ToolProcess Run(string path, IReadOnlyList<string> arguments, TimeSpan deadline)
    {
        // Piped into builders rather than buffered by CliWrap, so what a killed tool printed is kept.
        StringBuilder output = new(), error = new();
        using var timeout = new CancellationTokenSource(deadline);
        try
        {
            var result = Cli.Wrap(path).WithArguments(arguments).WithValidation(CommandResultValidation.None)
                .WithStandardOutputPipe(PipeTarget.ToStringBuilder(output)).WithStandardErrorPipe(PipeTarget.ToStringBuilder(error))
                .ExecuteAsync(timeout.Token).GetAwaiter().GetResult();
            return new ToolProcess(result.ExitCode, output.ToString(), error.ToString(), false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            // CliWrap has killed the tool's process tree and waited for it.
            return new ToolProcess(-1, output.ToString(), error.ToString(), true);
        }
    }
}
