using SocketBench.Cli;
using Spectre.Console;

// Every number this tool prints is in invariant culture, whatever the machine's locale: InvariantGlobalization
// (Directory.Build.props) makes it the only culture there is.

// Spectre assumes 80 columns when output goes to a file or a CI log; tables of benchmark IDs then
// wrap into unreadable towers, so a redirected console gets room for a full row.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 200;
}

return await SocketBenchApp.Create().RunAsync(args);
