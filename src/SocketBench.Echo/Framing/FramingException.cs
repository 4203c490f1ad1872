namespace SocketBench.Echo.Framing;

/// <summary>A peer broke the framing rules; the connection that did it is closed, others carry on.</summary>
public sealed class FramingException(string reason) : Exception(reason);
