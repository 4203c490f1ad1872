namespace SocketBench.Echo.Tests.Support;

/// <summary>Generous bounds for "this must happen": a slow shared machine passes, a hang fails.</summary>
internal static class Deadlines
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(15);

    public static CancellationToken Token(TimeSpan? within = null) => new CancellationTokenSource(within ?? Default).Token;

    public static async Task<T> Within<T>(this Task<T> task, TimeSpan? within = null) => await task.WaitAsync(within ?? Default);

    public static async Task Within(this Task task, TimeSpan? within = null) => await task.WaitAsync(within ?? Default);
}
