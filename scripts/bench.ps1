# Runs the SocketBench benchmarks, then writes the report of the run. With no arguments: the default
# job over the whole matrix. Any argument is passed on (see `scripts/bench.ps1 --help`); without
# --filter the whole matrix runs. Without --out each run keeps its own folder, results/runs/<time>-<job>
# (results/runs/latest names the newest), with its report in <folder>/report; a run of the whole
# matrix also replaces results/<job> (the default job's report then goes to results/report). E.g.
#   scripts/bench.ps1 --job quick                       (also results/quick/, report in results/quick/report/)
#   scripts/bench.ps1 --job quick --filter '*WinRt*'    (results and report in results/runs/<time>-quick/ only)
# Quote a value with a comma (--shapes '64x64,64x256'): unquoted, PowerShell passes it as two arguments.
# On Windows this runs the Windows bench build: the portable (System.Net.Sockets) benchmarks and the
# WinRT (Windows.Networking.Sockets) ones side by side in one run. Elsewhere (PowerShell on Linux or
# macOS) it runs the portable build, as scripts/bench does. See docs/windows.md.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
if ($IsWindows -or $env:OS -eq 'Windows_NT') {
    $project = 'bench/SocketBench.Benchmarks.Windows'
} else {
    $project = 'bench/SocketBench.Benchmarks'
}

if ($args.Count -eq 0) { $arguments = @('--job', 'default', '--filter', '*') } else { $arguments = @($args) }
$job = 'default'; $out = $null; $filter = $false
for ($i = 0; $i -lt $arguments.Count; $i++) {
    switch -exact ($arguments[$i]) {
        # Only SocketBench's own jobs name the results folder; BenchmarkDotNet's (short, dry, ...) write to results/default.
        '--job' { if ($i + 1 -lt $arguments.Count -and $arguments[$i + 1] -in 'default', 'quick', 'gate') { $job = $arguments[$i + 1].ToLowerInvariant() } }
        '--out' { if ($i + 1 -lt $arguments.Count) { $out = $arguments[$i + 1] } }
        { $_ -in '--filter', '-f' } { $filter = $true }
        { $_ -in '--help', '-h', '--list' } {
            dotnet run -c Release --project $project -- @arguments
            exit $LASTEXITCODE
        }
    }
}

# Without a filter BenchmarkDotNet would stop and ask which benchmarks to run: options alone mean the whole matrix.
if (-not $filter) { $arguments += @('--filter', '*') }
dotnet run -c Release --project $project -- @arguments
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
if ($out) {
    $report = "$out/report"
} else {
    $out = 'results/runs/' + (Get-Content 'results/runs/latest' -TotalCount 1).Trim()
    # A whole run was published as results/<job> when that now holds this run's record.
    $published = "results/$job"
    $same = (Test-Path "$published/socketbench-run.json") -and
        ((Get-FileHash "$out/socketbench-run.json").Hash -eq (Get-FileHash "$published/socketbench-run.json").Hash)
    if ($same) { $out = $published }
    $report = if ($out -eq 'results/default') { 'results/report' } else { "$out/report" }
}
dotnet run -c Release --project src/SocketBench.Cli -- report $out --out $report
exit $LASTEXITCODE
