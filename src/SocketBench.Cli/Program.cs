using System.Globalization;
using SocketBench.Cli;

// Every number this tool prints is in invariant culture, whatever the machine's locale.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
CultureInfo.DefaultThreadCurrentUICulture = CultureInfo.InvariantCulture;
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;

return await SocketBenchApp.Create().RunAsync(args);
