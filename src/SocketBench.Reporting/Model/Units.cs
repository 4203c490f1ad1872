using System.Globalization;

namespace SocketBench.Reporting.Model;

/// <summary>Number formatting shared by tables and chart labels, always in invariant culture.</summary>
public static class Units
{
    public static string Bytes(int bytes) => bytes >= 1024 && bytes % 1024 == 0
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024} KiB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes} B");

    /// <summary>Nanoseconds with a unit that keeps three significant figures: 812 ns, 4.61 µs, 1.40 ms.</summary>
    public static string Time(double nanoseconds) => nanoseconds switch
    {
        >= 1e6 => Format(nanoseconds / 1e6, "ms"),
        >= 1e3 => Format(nanoseconds / 1e3, "µs"),
        _ => Format(nanoseconds, "ns"),
    };

    public static string Number(double value, string format = "0.###") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Format(double value, string unit) =>
        value.ToString(value >= 100 ? "0" : value >= 10 ? "0.0" : "0.00", CultureInfo.InvariantCulture) + " " + unit;
}
