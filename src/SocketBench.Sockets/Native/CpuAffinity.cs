using System.Runtime.InteropServices;

namespace SocketBench.Sockets.Native;

/// <summary>Pins the calling thread to one CPU (Linux sched_setaffinity); a no-op elsewhere or on a single CPU.</summary>
public static unsafe partial class CpuAffinity
{
    /// <summary>The CPU a spinning receiver takes: the last one, leaving CPU 0 to the sender.</summary>
    public static int ReceiverCpu => Environment.ProcessorCount - 1;

    public const int SenderCpu = 0;

    /// <summary>Whether pinning means anything here: Linux, and a second CPU for the receiver.</summary>
    public static bool CanSeparate => OperatingSystem.IsLinux() && Environment.ProcessorCount is > 1 and <= 64;

    public static void PinCurrentThread(int cpu)
    {
        if (CanSeparate)
        {
            Set(1UL << cpu);
        }
    }

    /// <summary>Lets the scheduler place the calling thread on any CPU again.</summary>
    public static void UnpinCurrentThread()
    {
        if (CanSeparate)
        {
            Set(Environment.ProcessorCount == 64 ? ulong.MaxValue : (1UL << Environment.ProcessorCount) - 1);
        }
    }

    private static void Set(ulong mask)
    {
        // pid 0 is the calling thread; a failure (e.g. a cpuset that excludes the CPU) leaves it where it was.
        _ = SchedSetAffinity(0, sizeof(ulong), &mask);
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint size, ulong* mask);
}
