using System.Globalization;
using System.Runtime.InteropServices;

namespace SocketBench.Sockets.Native;

/// <summary>Pins the calling thread, or the whole process, to one CPU (Linux sched_setaffinity); a no-op elsewhere or on a single CPU.</summary>
public static unsafe partial class CpuAffinity
{
    /// <summary>The CPU a spinning receiver takes: the last one, leaving CPU 0 to the sender.</summary>
    public static int ReceiverCpu => Environment.ProcessorCount - 1;

    public const int SenderCpu = 0;

    /// <summary>Whether pinning means anything here: Linux, and a second CPU for the receiver.</summary>
    public static bool CanSeparate => OperatingSystem.IsLinux() && Environment.ProcessorCount is > 1 and <= 64;

    public static void PinCurrentThread(int cpu) => Set(threadIds: [0], 1UL << cpu);

    /// <summary>Lets the scheduler place the calling thread on any CPU again.</summary>
    public static void UnpinCurrentThread() => Set(threadIds: [0], AllCpus);

    /// <summary>
    /// Pins every thread of this process to one CPU: the thread pool's, the runtime's, and (by inheritance) any started later.
    /// An async echo client and server hand each message between thread-pool threads, so only the whole process can be placed.
    /// </summary>
    public static void PinProcess(int cpu) => SetEveryThread(1UL << cpu);

    /// <summary>Undoes <see cref="PinProcess"/>: every thread may run on any CPU again.</summary>
    public static void UnpinProcess() => SetEveryThread(AllCpus);

    private static ulong AllCpus => Environment.ProcessorCount == 64 ? ulong.MaxValue : (1UL << Environment.ProcessorCount) - 1;

    // Twice: a thread started by a not-yet-pinned thread during the first pass inherits the old mask.
    private static void SetEveryThread(ulong mask)
    {
        for (int pass = 0; pass < 2 && CanSeparate; pass++)
        {
            Set(ThreadIds(), mask);
        }
    }

    /// <summary>The ids of this process's threads, from /proc/self/task (Linux).</summary>
    internal static IEnumerable<int> ThreadIds() =>
        Directory.EnumerateDirectories("/proc/self/task").Select(task => int.Parse(Path.GetFileName(task), CultureInfo.InvariantCulture));

    /// <summary>Sets the mask of each thread (0: the calling one); a no-op where pinning means nothing.</summary>
    private static void Set(IEnumerable<int> threadIds, ulong mask)
    {
        if (!CanSeparate)
        {
            return;
        }

        foreach (int threadId in threadIds)
        {
            // A failure (a thread that ended meanwhile, a cpuset that excludes the CPU) leaves that thread where it was.
            _ = SchedSetAffinity(threadId, sizeof(ulong), &mask);
        }
    }

    [LibraryImport("libc", EntryPoint = "sched_setaffinity", SetLastError = true)]
    private static partial int SchedSetAffinity(int pid, nuint size, ulong* mask);
}
