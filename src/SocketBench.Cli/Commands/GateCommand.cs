using System.Runtime.InteropServices;
using SocketBench.Cli.Commands.Ab;
using SocketBench.Reporting.Loading;
using SocketBench.Reporting.Statistics;
using Spectre.Console;
using Spectre.Console.Cli;

namespace SocketBench.Cli.Commands;

/// <summary>
/// <c>socketbench gate</c>: judges every row of the gate job, its counters first (exact, or within measured
/// tolerances) and then its time, and fails on any one row. With <c>--base REF</c> both builds run here in
/// alternating rounds; otherwise the new run is held against the committed baseline for this OS and architecture.
/// </summary>
public sealed class GateCommand(IAnsiConsole console) : Command<GateSettings>
{
    // A/A spread of the gate job's round medians on this 2-core machine is within ±10 % for most rows (docs/gate.md).
    public const string DefaultThreshold = "10%";
    public const string DefaultNoise = "0ns";

    // Figures behind these defaults are in docs/reports.md (A/A runs on this shared 2-core machine).
    public const string DefaultMaxSpread = "25%";

    /// <summary>"linux-x64", "windows-arm64", ...: the baseline folder name for this machine.</summary>
    public static string Platform =>
        (OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsLinux() ? "linux" : "other")
        + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    public override int Execute(CommandContext context, GateSettings settings, CancellationToken cancellationToken)
    {
        // A machine-wide slowdown on this shared machine otherwise reads as a broad regression (docs/reports.md).
        var options = settings.ToOptions(DefaultThreshold, DefaultNoise, DefaultMaxSpread) with { AdjustForMachineDrift = !settings.NoDriftAdjustment };
        if (settings.Base is not null)
        {
            return AbGate.Run(console, settings, options, cancellationToken);
        }

        string? root = RepositoryRoot.Find();
        string baseline = settings.Baseline ?? Path.Combine(root ?? ".", "results", "baselines", Platform);
        string results = settings.Results ?? GateJobRun.Run(console, root, settings.Filter, cancellationToken);
        var newSet = ResultLoader.Load(results);

        if (settings.UpdateBaseline)
        {
            Directory.CreateDirectory(baseline);
            foreach (string stale in Directory.EnumerateFiles(baseline, ResultLoader.ExportPattern))
            {
                File.Delete(stale);
            }

            foreach (string file in newSet.Files)
            {
                File.Copy(file, Path.Combine(baseline, Path.GetFileName(file)), overwrite: true);
            }

            // The run record says what each case is and how the baseline was measured; compare warns when a run differs.
            string record = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(newSet.Files[0]))!, Core.Cases.RunRecord.FileName);
            if (File.Exists(record))
            {
                File.Copy(record, Path.Combine(baseline, Core.Cases.RunRecord.FileName), overwrite: true);
            }

            console.MarkupLine($"Baseline updated with {newSet.Benchmarks.Count} benchmarks: {Markup.Escape(Path.GetFullPath(baseline))}");
            return ComparisonPrinter.NoRegression;
        }

        if (!Directory.Exists(baseline) || !Directory.EnumerateFiles(baseline, ResultLoader.ExportPattern).Any())
        {
            throw new ResultInputException($"'{baseline}': no baseline for {Platform}. Accept one with: socketbench gate --results {results} --update-baseline");
        }

        var comparison = ResultComparer.Compare(ResultLoader.Load(baseline), newSet, options);
        console.MarkupLine($"Gate: {Markup.Escape(results)} against baseline {Markup.Escape(baseline)}");
        return ComparisonPrinter.Print(console, comparison, settings);
    }
}
