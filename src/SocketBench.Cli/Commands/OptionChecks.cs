using SocketBench.Core.Peers;
using Spectre.Console;

namespace SocketBench.Cli.Commands;

/// <summary>Checks the settings classes share; each problem is one line that quotes the value, or null when there is none.</summary>
internal static class OptionChecks
{
    /// <summary>
    /// The first problem found, in the order given, as the command's error; success when there is none. A derived
    /// settings class calls it only once the common options passed, so its checks may use the parsed values.
    /// </summary>
    public static ValidationResult FirstError(params string?[] problems) =>
        problems.FirstOrDefault(problem => problem is not null) is { } first ? ValidationResult.Error(first) : ValidationResult.Success();

    /// <summary>Why <paramref name="text"/> is not a HOST:PORT for <paramref name="option"/>, in PeerAddress.Parse's words; null when it is one.</summary>
    public static string? PeerAddressProblem(string text, string option)
    {
        try
        {
            PeerAddress.Parse(text, option);
            return null;
        }
        catch (ArgumentException error)
        {
            return error.Message;
        }
    }
}
