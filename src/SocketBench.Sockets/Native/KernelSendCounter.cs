using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using System.Text;

namespace SocketBench.Sockets.Native;

/// <summary>Send system calls the kernel saw on one descriptor in one window, per call. A sendmmsg counts once however many datagrams it carried.</summary>
public readonly record struct KernelSendCounts(long SendTo, long SendMsg, long SendMmsg, long Write, long Writev)
{
    public long Total => SendTo + SendMsg + SendMmsg + Write + Writev;
}

/// <summary>
/// Counts, on the kernel's side, the send system calls that any thread of this process makes on one
/// file descriptor, over windows the caller opens (<see cref="Start"/>) and closes (<see cref="Stop"/>):
/// the syscalls:sys_enter_* tracepoints of sendto (glibc's send, and .NET's Socket.Send), sendmsg,
/// sendmmsg, write and writev, each filtered to "fd == N". <see cref="TryOpen(int, out string?)"/> says
/// in one line why not, where it cannot (not Linux, perf refused, no tracepoints).
/// </summary>
/// <remarks>
/// <para>Which threads. A perf counter follows one thread, and a tracepoint filter cannot select a
/// process (its common_pid is a thread id), so one counter per call goes on every thread in
/// /proc/self/task, with inheritance: a thread created later by a counted thread gets a child
/// counter. The list is read again until no thread in it is left uncounted. After that every thread
/// that can create one is counted, which matters: .NET creates later pool workers from other
/// workers, so counting only the opening thread would miss them. The one hole left is a thread being
/// created at the very moment its creator's counter is installed and not yet listed at the last read.</para>
/// <para>Cost: five descriptors per thread; Dispose is slow (the kernel waits for RCU grace periods
/// as it unregisters each tracepoint), so open once and use many windows; docs/gate.md has the figures.
/// While open, every system call on the machine takes the kernel's slower syscall-tracing path. Not
/// thread-safe: one caller drives Start and Stop.</para>
/// </remarks>
public sealed class KernelSendCounter : IDisposable
{
    private static readonly string[] s_calls = ["sendto", "sendmsg", "sendmmsg", "write", "writev"];
    private static readonly string[] s_tracingRoots = ["/sys/kernel/tracing", "/sys/kernel/debug/tracing"];

    private readonly List<int>[] _events = [[], [], [], [], []]; // perf descriptors, per call in s_calls order
    private readonly HashSet<int> _threadsAtOpen = [];
    private long[] _atStart = new long[s_calls.Length];

    private KernelSendCounter(int fd) => Fd = fd;

    // A leaked counter would keep every system call on the machine on the slow path.
    ~KernelSendCounter() => CloseAll();

    /// <summary>The descriptor counted, by number: counts are its own only while it stays open.</summary>
    public int Fd { get; }

    public static KernelSendCounter? TryOpen(Socket socket, out string? reason) => TryOpen((int)socket.Handle, out reason);

    /// <summary>Why kernel send counts cannot be taken here (tried on a socket of its own), or null when they can.</summary>
    public static string? UnavailableReason()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        using var counter = TryOpen(probe, out string? reason);
        return reason;
    }

    /// <summary>Opens the counters for <paramref name="fd"/>; or returns null and why, in one line.</summary>
    public static KernelSendCounter? TryOpen(int fd, out string? reason)
    {
        reason = !OperatingSystem.IsLinux() ? "kernel send counts need Linux perf events"
            : PerfEvent.SyscallNumber < 0 ? $"perf_event_open's number is known here for x64 and arm64, not {RuntimeInformation.ProcessArchitecture}"
            : null;
        ulong[] ids = reason is null ? ReadTracepointIds(out reason) : [];
        if (reason is not null)
        {
            return null;
        }

        var counter = new KernelSendCounter(fd);
        for (int[] uncounted = counter.UncountedThreads(); uncounted.Length > 0; uncounted = counter.UncountedThreads())
        {
            foreach (int tid in uncounted)
            {
                counter._threadsAtOpen.Add(tid);
                for (int call = 0; call < s_calls.Length; call++)
                {
                    int perfFd = PerfEvent.Open(ids[call], tid, $"fd == {fd}", out reason);
                    if (reason is not null)
                    {
                        counter.Dispose();
                        return null;
                    }

                    if (perfFd >= 0) // else the thread has exited meanwhile
                    {
                        counter._events[call].Add(perfFd);
                    }
                }
            }
        }

        return counter;
    }

    /// <summary>Opens a window: counts from now until <see cref="Stop"/>.</summary>
    /// <remarks>
    /// The counters run from opening on and a window is the difference of two reads: an ioctl per
    /// descriptor per window is slow, and PERF_EVENT_IOC_RESET does not reliably clear what an exited
    /// thread folded into its parent's counter (docs/gate.md).
    /// </remarks>
    public void Start() => _atStart = ReadTotals();

    /// <summary>Closes the window and returns its counts.</summary>
    public KernelSendCounts Stop()
    {
        long[] now = ReadTotals();
        return new(now[0] - _atStart[0], now[1] - _atStart[1], now[2] - _atStart[2], now[3] - _atStart[3], now[4] - _atStart[4]);
    }

    internal bool CountedAtOpen(int tid) => _threadsAtOpen.Contains(tid);

    public void Dispose()
    {
        CloseAll();
        GC.SuppressFinalize(this);
    }

    private static ulong[] ReadTracepointIds(out string? reason)
    {
        reason = "no syscall tracepoints: tracefs is not mounted (as root: mount -t tracefs nodev /sys/kernel/tracing) or the kernel lacks CONFIG_FTRACE_SYSCALLS";
        foreach (string root in s_tracingRoots)
        {
            try
            {
                ulong[] ids = s_calls.Select(call => ulong.Parse(File.ReadAllText($"{root}/events/syscalls/sys_enter_{call}/id"), CultureInfo.InvariantCulture)).ToArray();
                reason = null;
                return ids;
            }
            catch (UnauthorizedAccessException)
            {
                reason = $"{root} is not readable by this user (tracefs is root-only unless mounted with wider rights)";
            }
            catch (Exception error) when (error is IOException or FormatException)
            {
                // Not mounted there; the other place may have it.
            }
        }

        return [];
    }

    private int[] UncountedThreads() => CpuAffinity.ThreadIds().Where(tid => !_threadsAtOpen.Contains(tid)).ToArray();

    private long[] ReadTotals() => _events.Select(fds => fds.Sum(PerfEvent.Read)).ToArray();

    private void CloseAll()
    {
        foreach (var fds in _events)
        {
            fds.ForEach(fd => PerfEvent.Close(fd));
            fds.Clear();
        }
    }
}

/// <summary>
/// perf_event_open(2) for one tracepoint counter on one thread (Linux x64 and arm64), opened with a
/// filter, then read. Opening failures come back as a sentence, so callers can say why counts are missing.
/// </summary>
internal static unsafe partial class PerfEvent
{
    private const uint TypeTracepoint = 2;
    private const nuint IocSetFilter = 0x40082406; // _IOW('$', 6, char *)
    private const nuint FlagFdCloexec = 8;
    private const int EPERM = 1, ESRCH = 3, EACCES = 13, EINVAL = 22;

    // Bits of perf_event_attr's flag word (linux/perf_event.h).
    private const ulong Inherit = 1UL << 1, ExcludeKernel = 1UL << 5, ExcludeHypervisor = 1UL << 6, InheritThread = 1UL << 35;

    /// <summary>
    /// perf_event_attr as first published (64 bytes): it holds every field used here, at its offset in linux/perf_event.h.
    /// The fields between Config and Flags (sample period, sample type, read format) stay zero, as does everything after.
    /// </summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    private struct Attr
    {
        [FieldOffset(0)] public uint Type;
        [FieldOffset(4)] public uint Size;
        [FieldOffset(8)] public ulong Config;
        [FieldOffset(40)] public ulong Flags;
    }

    /// <summary>perf_event_open's number, or -1 where it is not known here.</summary>
    public static nint SyscallNumber => RuntimeInformation.ProcessArchitecture switch
    {
        Architecture.X64 => 298,
        Architecture.Arm64 => 241,
        _ => -1,
    };

    /// <summary>
    /// Opens a counter of tracepoint <paramref name="tracepointId"/> on thread <paramref name="tid"/>, counting
    /// from now the events that match <paramref name="filter"/>. Returns its descriptor; or -1 and a null
    /// <paramref name="failure"/> when the thread has exited meanwhile; or -1 and why.
    /// </summary>
    public static int Open(ulong tracepointId, int tid, string filter, out string? failure)
    {
        var attr = new Attr
        {
            Type = TypeTracepoint,
            Size = (uint)sizeof(Attr),
            Config = tracepointId,
            // Inherit: every thread this one creates later gets a child counter, read through this
            // descriptor and filtered by its filter. InheritThread: not forked processes, whose fd N
            // is another file. ExcludeKernel/Hypervisor: what perf_event_paranoid=2 allows; a syscall
            // entry still counts, as its tracepoint carries the caller's user-mode registers.
            Flags = Inherit | InheritThread | ExcludeKernel | ExcludeHypervisor,
        };

        failure = null;
        int fd = (int)Syscall(SyscallNumber, &attr, tid, -1, -1, FlagFdCloexec);
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            string hint = errno is EPERM or EACCES ? $"; kernel.perf_event_paranoid is {Paranoia()}, lower it or grant CAP_PERFMON"
                : errno == EINVAL ? "; inherit_thread needs Linux 5.13 or later" : "";
            failure = errno == ESRCH ? null : $"perf_event_open refused tracepoint {tracepointId}: {Describe(errno)}{hint}";
            return -1;
        }

        fixed (byte* text = Encoding.ASCII.GetBytes(filter + "\0"))
        {
            if (Ioctl(fd, IocSetFilter, text) < 0)
            {
                failure = $"the kernel refused the tracepoint filter '{filter}': {Describe(Marshal.GetLastPInvokeError())}";
                Close(fd);
                return -1;
            }
        }

        return fd;
    }

    /// <summary>The count so far: this thread's, plus its inherited children's, live or exited.</summary>
    public static long Read(int fd)
    {
        long value = 0;
        return ReadCall(fd, &value, sizeof(long)) == sizeof(long)
            ? value
            : throw new IOException($"reading perf counter {fd} failed: {Describe(Marshal.GetLastPInvokeError())}");
    }

    private static string Describe(int errno) => $"{Marshal.GetPInvokeErrorMessage(errno)} (errno {errno})";

    private static string Paranoia()
    {
        try
        {
            return File.ReadAllText("/proc/sys/kernel/perf_event_paranoid").Trim();
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }

    // libc's syscall() is variadic; integer and pointer arguments travel in the same registers as for a
    // fixed-argument call on x64 and arm64 Linux, so a fixed signature is safe there.
    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial nint Syscall(nint number, Attr* attr, nint pid, nint cpu, nint groupFd, nuint flags);

    [LibraryImport("libc", EntryPoint = "ioctl", SetLastError = true)]
    private static partial int Ioctl(int fd, nuint request, byte* argument);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static partial nint ReadCall(int fd, void* buffer, nuint count);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);
}
