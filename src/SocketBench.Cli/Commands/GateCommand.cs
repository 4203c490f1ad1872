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
    /// <summary>"linux-x64", "windows-arm64", ...: the baseline folder name for this machine.</summary>
    public static string Platform =>
        (OperatingSystem.IsWindows() ? "windows" : OperatingSystem.IsMacOS() ? "macos" : OperatingSystem.IsLinux() ? "linux" : "other")
        + "-" + RuntimeInformation.OSArchitecture.ToString().ToLowerInvariant();

    public override int Execute(CommandContext context, GateSettings settings, CancellationToken cancellationToken)
    {
        // A machine-wide slowdown otherwise reads as a broad regression (docs/reports.md).
        // Why these defaults: the A/A figures in docs/gate.md and docs/reports.md.
        var options = settings.ToOptions(threshold: "10%", noise: "0ns", maxSpread: "25%") with { AdjustForMachineDrift = !settings.NoDriftAdjustment };
        if (settings.Base is not null)
        {
            return AbGate.Run(console, settings, options, cancellationToken);
        }

        string? root = RepositoryRoot.Find();
        string baseline = settings.Baseline ?? Path.Combine(root ?? ".", "results", "baselines", Platform);
        string results = settings.Results ?? RunGateJob(console, root, settings.Filter, cancellationToken);
        var newSet = ResultLoader.Load(results);

        if (settings.UpdateBaseline)
        {
            Directory.CreateDirectory(baseline);
            Array.ForEach(Directory.GetFiles(baseline, ResultLoader.ExportPattern), File.Delete);

            // The run record says what each case is and how the baseline was measured; compare warns when a run differs.
            string record = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(newSet.Files[0]))!, Core.Cases.RunRecord.FileName);
            foreach (string file in newSet.Files.Append(record).Where(File.Exists))
            {
                File.Copy(file, Path.Combine(baseline, Path.GetFileName(file)), overwrite: true);
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

    /// <summary>Runs the benchmark project's gate job into a fresh folder, showing its latest output line while it works.</summary>
    private static string RunGateJob(IAnsiConsole console, string? root, string filter, CancellationToken cancellationToken)
    {
        string output = Path.Combine(
            root ?? throw new ArgumentException($"gate runs the gate job from the SocketBench source tree, and no {RepositoryRoot.SolutionFile} is above '{Directory.GetCurrentDirectory()}'. Run it in the repository, or pass results: socketbench gate --results results/gate"), "results", "gate");
        var (exitCode, tail) = TreeProcess.WithStatus(console, $"Running the gate job ({filter})", root,
            ["run", "-c", "Release", "--project", Path.Combine("bench", "SocketBench.Benchmarks"), "--", "--job", "gate", "--filter", filter, "--out", output, "--limits", "off"],
            cancellationToken);
        if (exitCode != 0)
        {
            console.Write(new Rows(tail.Select(line => new Text(line))));
            throw new InvalidOperationException($"The gate job failed (exit {exitCode}); its last lines are above.");
        }

        console.MarkupLine($"Gate job results: {Markup.Escape(output)}");
        return output;
    }
}
