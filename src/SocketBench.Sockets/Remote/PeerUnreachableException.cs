namespace SocketBench.Sockets.Remote;

/// <summary>A peer that did not answer: the message names it and the port, in one line.</summary>
public sealed class PeerUnreachableException(string message, Exception? inner = null) : Exception(message, inner);
