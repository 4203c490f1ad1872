using SocketBench.Sockets;

namespace SocketBench.Reporting.Tests;

/// <summary>
/// Real short runs of the gate's job with a regression switched in (SOCKETBENCH_TEST_FAULT, docs/gate.md), gated
/// against a run of the same build without it: the gate must fail on the counter that changed, on that row.
/// </summary>
[Collection(RealBenchmarkRuns.Name)]
public sealed class InjectedRegressionTests
{
    [Fact]
    public void A_tcp_FlushBatched_that_sends_one_buffer_per_call_fails_the_gate_on_its_send_counter_and_label()
    {
        const string filter = "*TcpSendBenchmarks.FlushBatched*";
        string healthy = QuickJob.RunGateJob(filter);
        string broken = QuickJob.RunGateJob(filter, TestFaults.TcpGatherPerBuffer);

        var gate = CliRun.Of("gate", "--baseline", healthy, "--results", broken);

        Assert.True(gate.ExitCode == 1, gate.Output + gate.Error);
        string output = gate.Output.ReplaceLineEndings(" ");
        Assert.Contains("TCP FlushBatched 64 B × 64: sends/buffer 0.016 → 1.000", output, StringComparison.Ordinal);
        Assert.Contains("TCP FlushBatched 1 KiB × 256: sends/buffer 0.004 → 1.000", output, StringComparison.Ordinal);
        Assert.Contains("labelled 'sendmsg per batch' but counted 1.000 sends per buffer", output, StringComparison.Ordinal);
        // A batch of one buffer is one send either way: that row's counters did not change.
        Assert.DoesNotContain("TCP FlushBatched 64 B × 1: sends/buffer", output, StringComparison.Ordinal);

        // The broken run says it was one, so it can never pass for a real result.
        Assert.Equal(TestFaults.TcpGatherPerBuffer, Core.Cases.RunRecord.ReadFrom(broken)?.Settings.TestFault);
        Assert.Contains("test fault 'none' in base, 'tcp-gather-per-buffer' in new", output, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void One_send_the_code_does_not_count_fails_the_run_on_the_kernels_count()
    {
        string? unavailable = Sockets.Native.KernelSendCounter.UnavailableReason();
        Skip.If(unavailable is not null, unavailable);

        var environment = new Dictionary<string, string> { [TestFaults.Variable] = TestFaults.UncountedSend };
        string output = TestFiles.TempFolder();

        var run = QuickJob.Exec(environment, ["--job", "gate", "--filter", "*TcpSendBenchmarks.FlushBatched*", "--shapes", "64x64", "--out", output, "--limits", "off"]);

        Assert.True(run.ExitCode == 1, run.Errors);
        // One empty send per batch of 64: the first invocation's 64 batches, beside the code's 64 gathers.
        Assert.Contains("the kernel counted +64 send system calls more than the code did on the sending socket", run.Errors, StringComparison.Ordinal);
    }

    [Fact]
    public void One_extra_32_byte_allocation_per_write_fails_the_gate_on_the_senders_allocation()
    {
        const string filter = "*TcpSendBenchmarks.PerBufferAwait*";
        string healthy = QuickJob.RunGateJob(filter);
        string broken = QuickJob.RunGateJob(filter, TestFaults.AllocatePerWrite);

        var gate = CliRun.Of("gate", "--baseline", healthy, "--results", broken);

        Assert.True(gate.ExitCode == 1, gate.Output + gate.Error);
        string output = gate.Output.ReplaceLineEndings(" ");
        Assert.Contains("TCP PerBufferAwait 64 B × 64: sender bytes/batch 0 → 2048", output, StringComparison.Ordinal);
        Assert.Contains("TCP PerBufferAwait 1 KiB × 256: sender bytes/batch 0 → 8192", output, StringComparison.Ordinal);
    }
}
