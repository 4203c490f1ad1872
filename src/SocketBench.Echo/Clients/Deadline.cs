namespace SocketBench.Echo.Clients;

/// <summary>A cancellation source that fires after a timeout or with the caller's token, and can tell which one fired.</summary>
public sealed class Deadline(TimeSpan timeout, CancellationToken caller) : IDisposable
{
    private readonly CancellationTokenSource _source = CreateSource(timeout, caller);

    public CancellationToken Token => _source.Token;

    /// <summary>True when the timeout, not the caller, cancelled the operation.</summary>
    public bool Expired => _source.IsCancellationRequested && !caller.IsCancellationRequested;

    public void Dispose() => _source.Dispose();

    private static CancellationTokenSource CreateSource(TimeSpan timeout, CancellationToken caller)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(caller);
        source.CancelAfter(timeout);
        return source;
    }
}
