using System.Runtime.InteropServices;
using System.Text;

namespace SocketBench.Sockets.Native;

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

    /// <summary>perf_event_attr as first published (64 bytes): it holds every field used here, and the kernel zero-fills the rest.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 64)]
    private struct Attr
    {
        public uint Type;
        public uint Size;
        public ulong Config;
        public ulong SamplePeriod;
        public ulong SampleType;
        public ulong ReadFormat;
        public ulong Flags;
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
                CloseCall(fd);
                return -1;
            }
        }

        return fd;
    }

    /// <summary>The count so far: this thread's, plus its inherited children's, live or exited.</summary>
    public static long Read(int fd)
    {
        long value = 0;
        if (ReadCall(fd, &value, sizeof(long)) != sizeof(long))
        {
            throw new IOException($"reading perf counter {fd} failed: {Describe(Marshal.GetLastPInvokeError())}");
        }

        return value;
    }

    public static void Close(int fd) => CloseCall(fd);

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
    private static partial int CloseCall(int fd);
}
