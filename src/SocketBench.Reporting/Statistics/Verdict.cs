namespace SocketBench.Reporting.Statistics;

/// <summary>What the statistics say about one benchmark pair (new against base).</summary>
public enum Verdict
{
    /// <summary>Not shown to differ by more than the threshold.</summary>
    Same,

    /// <summary>New is faster by more than the threshold, with significance.</summary>
    Faster,

    /// <summary>New is slower by more than the threshold, with significance: a regression.</summary>
    Slower,

    /// <summary>Multimodal or too spread out on either side to judge.</summary>
    Noisy,
}
