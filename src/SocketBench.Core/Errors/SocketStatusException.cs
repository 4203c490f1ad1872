namespace SocketBench.Core.Errors;

/// <summary>
/// A failure already translated to a named status. Backends throw it at their edges so every command
/// prints the same one line: the status, what happened, and what to try.
/// </summary>
public sealed class SocketStatusException : Exception
{
    public SocketStatusException(SocketStatus status, string detail, Exception? inner = null)
        : base($"{status}: {detail}. Try: {SocketStatusHints.For(status)}.", inner)
    {
        Status = status;
        Detail = detail;
    }

    public SocketStatus Status { get; }

    /// <summary>What happened, without the status name or the hint.</summary>
    public string Detail { get; }

    /// <summary>Statuses caused by what the user typed rather than by the network.</summary>
    public bool IsBadInput => Status is SocketStatus.InvalidHostName;
}
