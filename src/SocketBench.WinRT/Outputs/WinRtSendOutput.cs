using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;
using SocketBench.Core.Errors;
using SocketBench.Core.Sending;
using Windows.Foundation;
using Windows.Storage.Streams;

namespace SocketBench.WinRT.Outputs;

/// <summary>
/// The output the strategies write to on Windows: a socket's own <see cref="IOutputStream"/>
/// (<c>StreamSocket.OutputStream</c>, or a connected <c>DatagramSocket.OutputStream</c>), with
/// nothing added. Whatever batching happens is the platform's, which is what the guide claims.
/// </summary>
/// <remarks>
/// <para>
/// A write keeps its WinRT operation, as the guide's any-language sample keeps its pending writes, and
/// makes no Task. The returned <see cref="ValueTask"/> hooks the operation's <c>Completed</c> handler only
/// when someone waits on it: an <c>await</c> (PerBufferAwait), or <c>AsTask</c>, which makes the one Task
/// per write of the guide's C# sample (TaskWaitAll). FlushBatched discards it, so its writes hook nothing.
/// The slots that hold the operations are reused, so a warmed-up output allocates nothing of its own per write.
/// </para>
/// <para>
/// How a failed write is observed: an awaited write throws from its own await. A discarded one is caught
/// by the next <see cref="FlushAsync"/>, which, once the stream's flush has completed (by the guide, only after
/// every write before it), reads each write's status, one call per write started since the last flush, and
/// throws a <see cref="SocketStatusException"/> naming the first failed write and its socket status.
/// That status read per write is the whole cost. A write that is neither awaited nor flushed is never checked.
/// A write's ValueTask must be awaited, if at all, before the next FlushAsync: the flush frees its slot.
/// </para>
/// </remarks>
public sealed class WinRtSendOutput(IOutputStream stream) : ISendOutput<IBuffer>
{
    // _slots[.._started] hold the writes started since the slots were last freed.
    private readonly List<PendingWrite> _slots = [];
    private int _started;

    // How many of those an awaiter has taken the result of. Awaiters finish on WinRT's completion threads.
    private int _resultsTaken;

    /// <summary>WriteAsync calls (datagrams on UDP). WinRT does not expose its system calls, so these are not system calls.</summary>
    public long Writes { get; private set; }

    /// <summary>Payload bytes handed to WriteAsync.</summary>
    public long Bytes { get; private set; }

    /// <summary>FlushAsync calls.</summary>
    public long Flushes { get; private set; }

    // The strategies await one write at a time or start them all from one thread, so plain counters suffice.
    public ValueTask WriteAsync(IBuffer buffer)
    {
        // PerBufferAwait and TaskWaitAll never flush: once every write so far has been awaited to its end, no one needs the slots.
        if (_started > 0 && Volatile.Read(ref _resultsTaken) == _started)
        {
            FreeSlots();
        }

        IAsyncOperationWithProgress<uint, uint> operation;
        try
        {
            operation = stream.WriteAsync(buffer);
        }
        catch (Exception e)
        {
            throw WinRtSocketErrors.Wrap(e, string.Create(CultureInfo.InvariantCulture, $"starting a write of {buffer.Length} bytes"));
        }

        Writes++;
        Bytes += buffer.Length;
        if (_started == _slots.Count)
        {
            _slots.Add(new PendingWrite(this));
        }

        var write = _slots[_started++];
        return new ValueTask(write, write.Start(operation));
    }

    // Pooled: one flush per batch would otherwise allocate its state machine each time.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    public async ValueTask FlushAsync()
    {
        Flushes++;
        try
        {
            await stream.FlushAsync().AsTask().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw WinRtSocketErrors.Wrap(e, string.Create(CultureInfo.InvariantCulture, $"flushing after {_started} writes"));
        }

        int count = _started;
        int failed = 0;
        int firstFailed = -1;
        bool settled = true;
        for (int index = 0; index < count; index++)
        {
            var write = _slots[index];
            var status = write.Operation.Status;
            if (status == AsyncStatus.Started && !write.Awaited)
            {
                // The guide says the flush leaves no write in flight; should one be, wait for it rather than free its slot under it.
                await ((Task)write.Operation.AsTask()).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                status = write.Operation.Status;
            }

            if (status is AsyncStatus.Error or AsyncStatus.Canceled)
            {
                failed++;
                firstFailed = firstFailed < 0 ? index : firstFailed;
            }

            settled &= status != AsyncStatus.Started && write.Settled;
        }

        Exception? failure = firstFailed < 0 ? null : PendingWrite.Failure(
            _slots[firstFailed].Operation,
            string.Create(CultureInfo.InvariantCulture, $"write {firstFailed + 1} of the {count} started since the last flush{(failed > 1 ? $" (and {failed - 1} more)" : "")}"));
        if (settled)
        {
            FreeSlots();
        }

        if (failure is not null)
        {
            throw failure;
        }
    }

    private void FreeSlots()
    {
        _started = 0;
        Volatile.Write(ref _resultsTaken, 0);
    }

    /// <summary>
    /// One slot: the WinRT operation of a write, and the awaitable view of it. The token is the version of the
    /// completion core, so a ValueTask kept past its slot's reuse fails instead of reading another write.
    /// </summary>
    private sealed class PendingWrite : IValueTaskSource
    {
        private readonly WinRtSendOutput _output;
        private readonly AsyncOperationWithProgressCompletedHandler<uint, uint> _signal;
        private ManualResetValueTaskSourceCore<bool> _completion; // a mutable struct: never readonly
        private IAsyncOperationWithProgress<uint, uint>? _operation;
        private volatile bool _awaited;
        private volatile bool _resultTaken;

        public PendingWrite(WinRtSendOutput output)
        {
            _output = output;
            // Made once per slot: WinRT marshals the same delegate again without a new wrapper.
            _signal = (_, _) => _completion.SetResult(true);
        }

        public IAsyncOperationWithProgress<uint, uint> Operation =>
            _operation ?? throw new InvalidOperationException("This write slot holds no write yet.");

        /// <summary>Someone waits on this write (an await or a Task hooked its Completed handler).</summary>
        public bool Awaited => _awaited;

        /// <summary>No one waits on this write, or its awaiter has its result: the slot may take the next write.</summary>
        public bool Settled => !_awaited || _resultTaken;

        public short Start(IAsyncOperationWithProgress<uint, uint> operation)
        {
            _completion.Reset();
            _operation = operation;
            _awaited = false;
            _resultTaken = false;
            return _completion.Version;
        }

        public ValueTaskSourceStatus GetStatus(short token)
        {
            CheckToken(token);
            return Operation.Status switch
            {
                AsyncStatus.Started => ValueTaskSourceStatus.Pending,
                AsyncStatus.Completed => ValueTaskSourceStatus.Succeeded,
                AsyncStatus.Canceled => ValueTaskSourceStatus.Canceled,
                _ => ValueTaskSourceStatus.Faulted,
            };
        }

        public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
        {
            CheckToken(token);
            _awaited = true;
            // The handler first: on a finished write WinRT runs it inside this setter, and the core then queues the
            // continuation instead of running it in the awaiting method's own frame.
            Operation.Completed = _signal;
            _completion.OnCompleted(continuation, state, token, flags);
        }

        public void GetResult(short token)
        {
            CheckToken(token);
            // Read before the count below lets the sending thread reuse this slot.
            var operation = Operation;
            var status = operation.Status;
            if (status == AsyncStatus.Started)
            {
                throw new InvalidOperationException("GetResult was called on a write still in flight: await the write first.");
            }

            if (!_resultTaken)
            {
                _resultTaken = true;
                Interlocked.Increment(ref _output._resultsTaken);
            }

            if (status != AsyncStatus.Completed)
            {
                throw Failure(operation, "WriteAsync on the socket's output stream");
            }
        }

        /// <summary>The exception for a failed or canceled write, with its status mapped as every WinRT socket error is.</summary>
        public static Exception Failure(IAsyncOperationWithProgress<uint, uint> operation, string doing) => operation.Status == AsyncStatus.Canceled
            ? new SocketStatusException(SocketStatus.OperationAborted, $"{doing}: the write was canceled, as when the socket closes under it")
            : WinRtSocketErrors.Wrap(operation.ErrorCode ?? new InvalidOperationException($"the write ended with status {operation.Status} and no error code"), doing);

        private void CheckToken(short token)
        {
            if (token != _completion.Version)
            {
                throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture,
                    $"A write's ValueTask (token {token}) was used after its slot moved on to token {_completion.Version}: await a write before the next FlushAsync, or not at all."));
            }
        }
    }
}
