using SocketBench.Sockets.Native;

namespace SocketBench.Sockets.Tests;

/// <summary>Other tests pin their own threads: this class runs alone, so every thread it inspects is one it placed.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WholeProcessPlacement
{
    public const string Name = "Whole-process CPU placement";
}

/// <summary>
/// The echo round trips' placement: <see cref="CpuAffinity.PinProcess"/> must reach every thread an async client and
/// server hand messages between (existing pool threads and threads started later), and UnpinProcess must give them all back.
/// </summary>
[Collection(WholeProcessPlacement.Name)]
public sealed class CpuAffinityTests
{
    [SkippableFact]
    public async Task PinProcess_places_every_thread_and_later_ones_then_UnpinProcess_frees_them()
    {
        Skip.IfNot(CpuAffinity.CanSeparate, "needs Linux and at least two CPUs");
        int cpu = CpuAffinity.ReceiverCpu;
        string one = cpu.ToString(System.Globalization.CultureInfo.InvariantCulture);
        string every = $"0-{Environment.ProcessorCount - 1}";
        try
        {
            CpuAffinity.PinProcess(cpu);

            Assert.All(AllowedCpusOfEveryThread(), allowed => Assert.Equal(one, allowed));
            Assert.Equal(one, await Task.Run(AllowedCpusOfThisThread));
            Assert.Equal(one, OnNewThread(AllowedCpusOfThisThread));
        }
        finally
        {
            CpuAffinity.UnpinProcess();
        }

        Assert.All(AllowedCpusOfEveryThread(), allowed => Assert.Equal(every, allowed));
        Assert.Equal(every, await Task.Run(AllowedCpusOfThisThread));
    }

    private static IEnumerable<string> AllowedCpusOfEveryThread() =>
        Directory.EnumerateDirectories("/proc/self/task").Select(task => AllowedCpus(Path.Combine(task, "status"))).OfType<string>();

    private static string? AllowedCpusOfThisThread() => AllowedCpus("/proc/thread-self/status");

    /// <summary>The kernel's own list of the CPUs a thread may run on ("1", "0-1"); null for a thread that ended meanwhile.</summary>
    private static string? AllowedCpus(string statusFile)
    {
        try
        {
            return File.ReadLines(statusFile).First(line => line.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal)).Split(':')[1].Trim();
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static T OnNewThread<T>(Func<T> read)
    {
        T result = default!;
        var thread = new Thread(() => result = read());
        thread.Start();
        thread.Join();
        return result;
    }
}
