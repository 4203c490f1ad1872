using SocketBench.Core.Cases;
using SocketBench.Sockets;
using SocketBench.Sockets.Loopback;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// The run's settings as the benchmark code sees them. The host puts them in environment variables, which
/// the processes of an out-of-process job inherit, so a case reads the same setting whichever job runs it.
/// </summary>
public static class RunEnvironment
{
    public const string ReceiverVariable = "SOCKETBENCH_RECEIVER";

    /// <summary>The receiver mode when nobody chose one: see docs/reproducibility.md for the A/A runs behind it.</summary>
    public const ReceiverMode DefaultReceiver = ReceiverMode.Spin;

    // DOTNET_* settings that change which code runs, recorded so two runs that differ in them are never compared unawares.
    private static readonly string[] RuntimeKnobNames =
        ["DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_TC_QuickJitForLoops", "DOTNET_ReadyToRun", "DOTNET_TC_CallCountingDelayMs", "DOTNET_gcServer"];

    public static ReceiverMode Receiver =>
        Environment.GetEnvironmentVariable(ReceiverVariable) is { Length: > 0 } text ? ReceiverModes.Parse(text) : DefaultReceiver;

    /// <summary>Called by the host before any case runs.</summary>
    public static void Publish(ReceiverMode receiver) => Environment.SetEnvironmentVariable(ReceiverVariable, receiver.Name());

    public static RunSettings Settings(string job) => new(
        job,
        Receiver.Name(),
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "other",
        RuntimeKnobNames
            .Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
            .Where(knob => !string.IsNullOrEmpty(knob.value))
            .ToDictionary(knob => knob.name, knob => knob.value!),
        TestFaults.Active);
}
