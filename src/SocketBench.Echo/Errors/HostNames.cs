using SocketBench.Core.Errors;

namespace SocketBench.Echo.Errors;

/// <summary>Rejects a host that cannot be a name or an address before any lookup or connection is tried.</summary>
public static class HostNames
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Why <paramref name="host"/> is not a valid host name or address; null when it is.</summary>
    public static string? Problem(string? host) => host switch
    {
        _ when string.IsNullOrWhiteSpace(host) => "it is empty",
        // In this order: an address (IPv6 has colons) is fine as it is; a name must fit, in allowed characters and labels.
        _ when System.Net.IPAddress.TryParse(host, out _) => null,
        { Length: > MaxNameLength } => $"it is {host.Length} characters long (at most {MaxNameLength})",
        _ when host.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.") is >= 0 and var bad
            => $"'{host[bad]}' at position {bad + 1} is not allowed (letters, digits, '-' and '.' only)",
        _ => host.TrimEnd('.').Split('.').Select(label => label switch
        {
            "" => "it has an empty label (two dots in a row, or a leading dot)",
            { Length: > MaxLabelLength } => $"the label '{label[..10]}...' is {label.Length} characters long (at most {MaxLabelLength})",
            ['-', ..] or [.., '-'] => $"the label '{label}' starts or ends with '-'",
            _ => null,
        }).FirstOrDefault(problem => problem is not null),
    };

    public static void Validate(string? host)
    {
        if (Problem(host) is { } problem)
        {
            throw new SocketStatusException(SocketStatus.InvalidHostName, $"'{host}' is not a valid host name: {problem}");
        }
    }
}
