using SocketBench.Core.Errors;

namespace SocketBench.Echo.Errors;

/// <summary>Rejects a host that cannot be a name or an address before any lookup or connection is tried.</summary>
public static class HostNames
{
    private const int MaxNameLength = 253;
    private const int MaxLabelLength = 63;

    /// <summary>Why <paramref name="host"/> is not a valid host name or address; null when it is.</summary>
    public static string? Problem(string? host)
    {
        if (string.IsNullOrWhiteSpace(host))
        {
            return "it is empty";
        }

        if (System.Net.IPAddress.TryParse(host, out _))
        {
            return null;
        }

        if (host.Length > MaxNameLength)
        {
            return $"it is {host.Length} characters long (at most {MaxNameLength})";
        }

        int bad = host.AsSpan().IndexOfAnyExcept("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-.");
        if (bad >= 0)
        {
            return $"'{host[bad]}' at position {bad + 1} is not allowed (letters, digits, '-' and '.' only)";
        }

        foreach (var label in host.TrimEnd('.').Split('.'))
        {
            if (label.Length == 0)
            {
                return "it has an empty label (two dots in a row, or a leading dot)";
            }

            if (label.Length > MaxLabelLength)
            {
                return $"the label '{label[..10]}...' is {label.Length} characters long (at most {MaxLabelLength})";
            }

            if (label.StartsWith('-') || label.EndsWith('-'))
            {
                return $"the label '{label}' starts or ends with '-'";
            }
        }

        return null;
    }

    public static void Validate(string? host)
    {
        if (Problem(host) is { } problem)
        {
            throw new SocketStatusException(SocketStatus.InvalidHostName, $"'{host}' is not a valid host name: {problem}");
        }
    }
}
