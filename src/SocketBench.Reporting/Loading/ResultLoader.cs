using System.Globalization;
using Perfolizer.Mathematics.Distributions.ContinuousDistributions;
using Pragmastat;
using SocketBench.Core.Cases;
using SocketBench.Core.Peers;
using SocketBench.Reporting.Model;

namespace SocketBench.Reporting.Loading;

/// <summary>
/// Loads BenchmarkDotNet full JSON exports (files, or a folder of <c>*-report-full.json</c>) into a
/// <see cref="ResultSet"/>. Unknown benchmark types load too; anything a user can fix is a
/// <see cref="ResultInputException"/> naming the file.
/// </summary>
public static class ResultLoader
{
    public const string ExportPattern = "*-report-full.json";

    public static ResultSet Load(params IReadOnlyList<string> paths)
    {
        // A side of an A/B gate (results/gate-ab/<time>/base): its round-N folders are one sample per round.
        if (paths.Count == 1 && RoundFolders(paths[0]) is { Count: > 0 } rounds)
        {
            return LoadRounds(rounds);
        }

        if (paths.Count == 0)
        {
            throw new ResultInputException("No results given. Example: socketbench report results/default");
        }

        var files = paths.SelectMany(ExpandPath).ToList();
        // Each folder's run record, read once, in the order the folders first appear.
        var folders = files.GroupBy(file => Path.GetDirectoryName(Path.GetFullPath(file))!, StringComparer.Ordinal)
            .Select(group => (Folder: group.Key, Record: ReadRunRecord(group.Key, group.First()))).ToList();
        var benchmarks = new List<BenchmarkResult>();
        var warnings = new List<string>();
        HostInfo? host = null;
        foreach (string file in files)
        {
            var record = folders.First(folder => folder.Folder == Path.GetDirectoryName(Path.GetFullPath(file))).Record;
            var (fileHost, fileBenchmarks, unrecorded) = ExportReader.Read(file, record.Cases.ToDictionary(identity => identity.Id, StringComparer.Ordinal).GetValueOrDefault);
            if (unrecorded.Count > 0)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"'{file}': {unrecorded.Count} case(s) not in its {RunRecord.FileName}, left out (not SocketBench benchmarks, or the export and the record come from different runs): {string.Join(", ", unrecorded.Take(3))}{(unrecorded.Count > 3 ? ", ..." : "")}"));
            }
            if (host is not null && host != fileHost)
            {
                warnings.Add($"'{file}' comes from another machine or runtime ({fileHost.Caption}) than the files before it.");
            }

            host ??= fileHost;
            // The first of each ID is kept, whether the others are in earlier files or in this one.
            var kept = fileBenchmarks.ExceptBy(benchmarks.Select(result => result.FullName), result => result.FullName, StringComparer.Ordinal).ToList();
            warnings.AddRange(fileBenchmarks.Where(result => !kept.Contains(result)).Select(result => $"'{file}': {result.FullName} appears more than once; kept the first."));
            benchmarks.AddRange(kept);
        }

        // peer.json sits beside the exports of a --peer run; results from different peers would need saying so.
        var peers = folders.Select(folder => PeerRoundTrip.Read(folder.Folder)).ToList();
        if (peers.Select(peer => peer?.Peer).Distinct().Count() > 1)
        {
            warnings.Add("The results come from different peers (or some from loopback); the peer line names the first.");
        }

        // Compared setting by setting: the records' RuntimeKnobs dictionaries never compare equal as objects.
        var settings = folders.Select(folder => folder.Record.Settings).ToList();
        var differences = settings.Skip(1).SelectMany(other => other.DifferencesFrom(settings[0])).Distinct().ToList();
        if (differences.Count > 0)
        {
            warnings.Add($"The results come from runs with different settings ({string.Join("; ", differences)}); the first run's are shown.");
        }

        // Set by the first file: there is at least one, and every export read has its host.
        return new ResultSet(string.Join(", ", paths), host!, benchmarks, files, warnings)
        {
            Peer = peers.FirstOrDefault(),
            Limits = LimitsReader.ReadBeside(paths),
            Settings = settings.FirstOrDefault(),
        };
    }

    /// <summary>The run record beside an export: without it nothing says what the rows are, so the export is refused.</summary>
    private static RunRecord ReadRunRecord(string directory, string file)
    {
        try
        {
            return RunRecord.ReadFrom(directory)
                ?? throw new ResultInputException(
                    $"'{file}': no {RunRecord.FileName} beside it, so nothing says what its rows are (results from before the run record, or not from SocketBench). Re-run to get one, e.g. scripts/bench --job quick");
        }
        catch (InvalidDataException error)
        {
            throw new ResultInputException(error.Message);
        }
    }

    /// <summary>
    /// Loads several runs of the same build (one folder or file each, e.g. the rounds of <c>gate --base</c>) as one set:
    /// the same benchmark's measurements from every round are concatenated into one sample, metrics come from the first round.
    /// </summary>
    public static ResultSet LoadRounds(IReadOnlyList<string> dirs)
    {
        if (dirs.Count == 0)
        {
            throw new ResultInputException("No rounds given. Example: results/gate-ab/20250101-120000/base/round-1");
        }

        var parents = dirs.Select(dir => Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(dir))).Distinct().ToList();
        string source = dirs.Count == 1 ? dirs[0]
            : parents.Count == 1 && !string.IsNullOrEmpty(parents[0]) ? string.Create(CultureInfo.InvariantCulture, $"{parents[0]} ({dirs.Count} rounds)")
            : string.Join(", ", dirs);
        return Merge(dirs.Select(dir => Load(dir)).ToList(), source);
    }

    /// <summary>BenchmarkDotNet's own confidence level, so a merged row reads like a single run's.</summary>
    private const double ConfidenceLevel = 0.999;

    /// <summary>
    /// Merges several runs of the same build (the rounds of an A/B gate) into one result set: a benchmark's
    /// measurements from every round become one sample, so the judge sees the spread between rounds and not
    /// only within one. Metrics, percentiles and parameters come from the first round that has the benchmark.
    /// </summary>
    private static ResultSet Merge(IReadOnlyList<ResultSet> rounds, string source)
    {
        // In the order the benchmarks first appear, each with its results in round order.
        var byId = rounds.SelectMany(round => round.Benchmarks).GroupBy(result => result.FullName, StringComparer.Ordinal).Select(group => group.ToList()).ToList();
        var warnings = rounds.SelectMany(round => round.Warnings).Distinct().ToList();
        var hosts = rounds.Select(round => round.Host).Distinct().ToList();
        if (hosts.Count > 1)
        {
            warnings.Add($"The rounds of '{source}' come from different machines or runtimes ({string.Join("; ", hosts.Select(host => host.Caption))}).");
        }

        // A case missing from a round (it failed there) still counts, but its sample is smaller than the others'.
        warnings.AddRange(byId.Where(results => results.Count < rounds.Count)
            .Select(results => string.Create(CultureInfo.InvariantCulture, $"{results[0].FullName}{MissingRoundsInfix}{results.Count} of {rounds.Count} rounds.")));

        // The host, limits, peer and settings are the first round's.
        return rounds[0] with { Source = source, Benchmarks = byId.Select(Combine).ToList(), Files = rounds.SelectMany(round => round.Files).ToList(), Warnings = warnings };
    }

    private const string MissingRoundsInfix = " ran in ";

    /// <summary>Whether <paramref name="warning"/> is the merge's note that the row <paramref name="id"/> is missing from some rounds.</summary>
    public static bool IsMissingRoundsWarning(string warning, string id) =>
        warning.StartsWith(id + MissingRoundsInfix, StringComparison.Ordinal);

    private static BenchmarkResult Combine(List<BenchmarkResult> results)
    {
        if (results.Count == 1)
        {
            return results[0];
        }

        var values = results.SelectMany(result => result.NanosecondsPerOperation).ToList();
        return results[0] with
        {
            NanosecondsPerOperation = values,
            Interval = Interval(values),
            RoundMedians = results.Select(result => Toolkit.Center(new Sample(result.NanosecondsPerOperation.ToList())).NominalValue).ToList(),
            RoundSpreads = results.Select(result => result.NanosecondsPerOperation.Count >= 2 ? Toolkit.RelSpread(new Sample(result.NanosecondsPerOperation.ToList())).NominalValue : 0).ToList(),
        };
    }

    /// <summary>
    /// Mean ± Student's t × standard error, as BenchmarkDotNet computes a run's interval, over the merged sample: at
    /// least two values, since only a benchmark of two rounds or more is merged, and each round has a measurement.
    /// </summary>
    private static MeanInterval Interval(IReadOnlyList<double> values)
    {
        double mean = values.Average();
        double variance = values.Sum(value => (value - mean) * (value - mean)) / (values.Count - 1);
        double standardError = Math.Sqrt(variance / values.Count);
        double t = new StudentDistribution(values.Count - 1).Quantile(new Probability(1 - (1 - ConfidenceLevel) / 2));
        return new MeanInterval(mean, Math.Max(0, mean - t * standardError), mean + t * standardError, "99.9 %");
    }

    /// <summary>The round-N folders of an A/B side, in round order, or empty when <paramref name="path"/> holds exports itself.</summary>
    private static IReadOnlyList<string> RoundFolders(string path) =>
        Directory.Exists(path) && !Directory.EnumerateFiles(path, ExportPattern).Any()
            ? Directory.EnumerateDirectories(path, "round-*").OrderBy(folder => folder.Length).ThenBy(folder => folder, StringComparer.Ordinal).ToList()
            : [];

    private static IEnumerable<string> ExpandPath(string path) =>
        File.Exists(path) ? [path]
        : !Directory.Exists(path) ? throw new ResultInputException($"'{path}': no such file or folder. Example: socketbench report results/default")
        : Directory.EnumerateFiles(path, ExportPattern).Order(StringComparer.Ordinal).ToList() is { Count: > 0 } exports ? exports
        : throw new ResultInputException($"'{path}': no BenchmarkDotNet full JSON ({ExportPattern}) in this folder. Make some with: scripts/bench --job quick");
}

/// <summary>Input a user can fix (missing path, broken or foreign JSON): one line that names the file. The CLI exits 2.</summary>
public sealed class ResultInputException(string message) : ArgumentException(message);
