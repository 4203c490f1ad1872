namespace SocketBench.Core.Sending;

/// <summary>
/// The three ways the Windows "Sockets" guide sends many buffers, written once for every backend.
/// Each method has the shape of the guide's sample; only the output underneath differs.
/// </summary>
/// <remarks>
/// The loops index rather than foreach: foreach over an <see cref="IReadOnlyList{T}"/> boxes an
/// enumerator on every batch, which the allocation column would then blame on the strategy.
/// </remarks>
public static class SendStrategies
{
    /// <summary>The baseline: one awaited write per buffer, so one kernel transition per buffer.</summary>
    public static async ValueTask PerBufferAwait<TBuffer>(ISendOutput<TBuffer> output, IReadOnlyList<TBuffer> buffers)
    {
        for (int index = 0; index < buffers.Count; ++index)
        {
            await output.WriteAsync(buffers[index]);
        }
    }

    /// <summary>
    /// The guide's C#-only technique: start every write, keep each as a task, then block in Task.WaitAll.
    /// It batches only where the platform coalesces writes that are pending at the same time.
    /// </summary>
    public static void TaskWaitAll<TBuffer>(ISendOutput<TBuffer> output, IReadOnlyList<TBuffer> buffers)
    {
        var pendingTasks = new Task[buffers.Count];
        for (int index = 0; index < buffers.Count; ++index)
        {
            // Track every write as a task, but do not wait on one before starting the next.
            pendingTasks[index] = output.WriteAsync(buffers[index]).AsTask();
        }

        Task.WaitAll(pendingTasks);
    }

    /// <summary>
    /// The guide's technique for any language: start every write without awaiting it, then await
    /// FlushAsync, which returns only after all of them completed. This is what lets the output batch.
    /// </summary>
    public static async ValueTask FlushBatched<TBuffer>(ISendOutput<TBuffer> output, IReadOnlyList<TBuffer> buffers)
    {
        for (int index = 0; index < buffers.Count; ++index)
        {
            // Deliberately not awaited: completion of every write is observed through FlushAsync below.
            _ = output.WriteAsync(buffers[index]);
        }

        await output.FlushAsync();
    }

    /// <summary>Runs one batch with the named strategy.</summary>
    public static ValueTask Send<TBuffer>(SendStrategy strategy, ISendOutput<TBuffer> output, IReadOnlyList<TBuffer> buffers)
    {
        switch (strategy)
        {
            case SendStrategy.PerBufferAwait:
                return PerBufferAwait(output, buffers);
            case SendStrategy.TaskWaitAll:
                TaskWaitAll(output, buffers);
                return ValueTask.CompletedTask;
            case SendStrategy.FlushBatched:
                return FlushBatched(output, buffers);
            default:
                throw new ArgumentOutOfRangeException(nameof(strategy), strategy, "Unknown send strategy.");
        }
    }
}

/// <summary>
/// The guide's three send strategies. The names are benchmark method names too: they are part of
/// every published benchmark ID, so they never change.
/// </summary>
public enum SendStrategy
{
    PerBufferAwait,
    TaskWaitAll,
    FlushBatched,
}

/// <summary>
/// The contract of a WinRT socket's <c>IOutputStream</c>, reduced to what batching needs.
/// A backend supplies one per connected socket; the strategies are written once against it.
/// </summary>
/// <typeparam name="TBuffer">The backend's payload type: a pinned buffer on System.Net.Sockets, an <c>IBuffer</c> on WinRT.</typeparam>
public interface ISendOutput<in TBuffer>
{
    /// <summary>
    /// Writes one buffer (one datagram on a datagram socket). The returned task completes when that
    /// buffer is in the kernel. The buffer must not change until then.
    /// </summary>
    ValueTask WriteAsync(TBuffer buffer);

    /// <summary>Completes when everything written before it is in the kernel.</summary>
    ValueTask FlushAsync();
}
