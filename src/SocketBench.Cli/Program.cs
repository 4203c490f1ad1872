using System.Globalization;
using SocketBench.Cli;
using Spectre.Console;

// Every number this tool prints is in invariant culture, whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

// Spectre assumes 80 columns when output goes to a file or a CI log; tables of benchmark IDs then
// wrap into unreadable towers, so a redirected console gets room for a full row.
var console = Console.IsOutputRedirected
    ? AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) })
    : null;
if (console is not null)
{
    console.Profile.Width = 200;
}

return await SocketBenchApp.Create(console).RunAsync(args);
