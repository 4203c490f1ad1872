using SocketBench.Core.Cases;
using SocketBench.Core.Peers;
using SocketBench.Sockets;
using SocketBench.Sockets.Sessions;

namespace SocketBench.Benchmarks.Config;

/// <summary>
/// The run's settings as the benchmark code sees them. The host puts them in environment variables, which
/// the processes of an out-of-process job inherit, so a case reads the same setting whichever job runs it.
/// </summary>
public static class RunEnvironment
{
    public const string ReceiverVariable = "SOCKETBENCH_RECEIVER";

    /// <summary>"on" (count every row's sends in the kernel too, where it can) or "off".</summary>
    public const string KernelCountsVariable = "SOCKETBENCH_KERNEL_COUNTS";

    /// <summary>--nodelay's values, "on", "off" or "on,off": the TCP sender ParamsSources read it when they list the cases.</summary>
    public const string NoDelayVariable = "SOCKETBENCH_NODELAY";

    /// <summary>
    /// The receiver mode when nobody chose one (docs/gate.md has the A/A runs behind it): inline where this process may
    /// enlarge socket buffers past the system's cap, which it needs; spin where it may not.
    /// </summary>
    public static ReceiverMode DefaultReceiver => SocketSession.CanReceiveInline() ? ReceiverMode.Inline : ReceiverMode.Spin;

    // DOTNET_* settings that change which code runs, recorded so two runs that differ in them are never compared unawares.
    private static readonly string[] RuntimeKnobNames =
        ["DOTNET_TieredCompilation", "DOTNET_TieredPGO", "DOTNET_TC_QuickJitForLoops", "DOTNET_ReadyToRun", "DOTNET_TC_CallCountingDelayMs", "DOTNET_gcServer"];

    public static ReceiverMode Receiver =>
        Environment.GetEnvironmentVariable(ReceiverVariable) is { Length: > 0 } text ? ReceiverModes.Parse(text) : DefaultReceiver;

    /// <summary>Whether cases count their sends in the kernel as well (--kernel-counts, on unless switched off).</summary>
    public static bool KernelCounts => Environment.GetEnvironmentVariable(KernelCountsVariable) != "off";

    /// <summary>TCP_NODELAY on the TCP sender, one case per value (--nodelay; on unless the host published otherwise).</summary>
    public static IEnumerable<bool> NoDelayValues => NoDelayFrom(Environment.GetEnvironmentVariable(NoDelayVariable));

    /// <summary>Called by the host before any case runs or is listed.</summary>
    public static void Publish(ReceiverMode receiver, bool kernelCounts, IEnumerable<bool> noDelay)
    {
        Environment.SetEnvironmentVariable(NoDelayVariable, NoDelayText(noDelay));
        Environment.SetEnvironmentVariable(ReceiverVariable, receiver.Name());
        Environment.SetEnvironmentVariable(KernelCountsVariable, kernelCounts ? "on" : "off");
    }

    internal static string NoDelayText(IEnumerable<bool> values) => string.Join(',', values.Select(value => value ? "on" : "off"));

    internal static IReadOnlyList<bool> NoDelayFrom(string? text) => text is { Length: > 0 } ? text.Split(',').Select(value => value == "on").ToList() : [true];

    /// <summary>
    /// What the run says about kernel send counts: "on", "off" (switched off), or why they are not available here,
    /// found by opening a counter once on a socket of the host's own.
    /// </summary>
    public static string KernelCountsState() =>
        !KernelCounts ? "off"
        : Sockets.Native.KernelSendCounter.UnavailableReason() is { } reason ? $"unavailable: {reason}"
        : "on";

    /// <summary>The run's settings for its record; against a --peer the receiver is the peer's sink, whatever the local setting.</summary>
    public static RunSettings Settings(string job, string kernelCounts) => new(
        job,
        PeerAddress.FromEnvironment() is null ? Receiver.Name() : RunSettings.RemoteReceiver,
        OperatingSystem.IsLinux() ? "linux" : OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : "other",
        RuntimeKnobNames
            .Select(name => (name, value: Environment.GetEnvironmentVariable(name)))
            .Where(knob => !string.IsNullOrEmpty(knob.value))
            .ToDictionary(knob => knob.name, knob => knob.value!),
        TestFaults.Active)
    {
        KernelSendCounts = kernelCounts,
    };
}
