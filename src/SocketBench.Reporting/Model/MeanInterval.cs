namespace SocketBench.Reporting.Model;

/// <summary>Mean nanoseconds per operation with BenchmarkDotNet's confidence interval (99.9 % by default).</summary>
public readonly record struct MeanInterval(double Mean, double Lower, double Upper, string Level);
