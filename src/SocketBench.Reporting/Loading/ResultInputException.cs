namespace SocketBench.Reporting.Loading;

/// <summary>Input a user can fix (missing path, broken or foreign JSON): one line that names the file. The CLI exits 2.</summary>
public sealed class ResultInputException(string message) : ArgumentException(message);
