using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// The gate job runs with the runtime's call-counting delay at zero: tiered compilation then replaces a method's
/// code after its first 30 calls instead of waiting for 100 ms in which the JIT compiled nothing new. The code it
/// ends on is the same tier-1, profile-guided code a long-running program runs; what changes is only that the gate
/// job's short rows (30 ms iterations) no longer sometimes measure the code before the switch, which put one row of
/// the same build at 225 µs in some processes and 300 µs in others (docs/gate.md, "The call-counting delay").
/// </summary>
/// <remarks>The runtime reads the setting once, at start, from the environment: a gate-job process that lacks it
/// runs itself once more with it set.</remarks>
public static class GateRuntime
{
    public const string CallCountingDelayVariable = "DOTNET_TC_CallCountingDelayMs";

    public static bool NeedsRestart(string jobName) =>
        jobName == "gate" && Environment.GetEnvironmentVariable(CallCountingDelayVariable) is null;

    /// <summary>Runs this program again with the setting, sharing this console, and returns its exit code.</summary>
    public static int RunAgain(IReadOnlyList<string> args)
    {
        string host = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown, so it cannot start itself again; set DOTNET_TC_CallCountingDelayMs=0 before --job gate");
        var start = new ProcessStartInfo(host) { UseShellExecute = false };
        // Started as "dotnet SocketBench.Benchmarks.dll": the host needs the assembly first; an app host does not.
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(typeof(GateRuntime).Assembly.Location);
        }

        foreach (string arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[CallCountingDelayVariable] = "0";
        using var child = Process.Start(start)!;
        // Ctrl+C reaches both processes from the terminal: this one waits for the child to finish its own way out.
        // A SIGTERM (a cancelled CI job) may reach only this one, and must not leave the child measuring.
        Console.CancelKeyPress += (_, e) => e.Cancel = true;
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, _ => child.Kill(entireProcessTree: true));
        child.WaitForExit();
        return child.ExitCode;
    }
}
