namespace SocketBench.Core;

/// <summary>A parameter that makes no sense; its message is one line that quotes the bad value and shows a valid example.</summary>
public sealed class InvalidCaseException(string message) : ArgumentException(message);
