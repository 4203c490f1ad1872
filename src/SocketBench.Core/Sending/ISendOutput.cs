namespace SocketBench.Core.Sending;

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
