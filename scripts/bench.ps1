# Runs the SocketBench benchmarks, then writes the report of the run. With no arguments: the default
# job over the whole matrix, results in results/default/, report in results/report/. Any argument is
# passed on (see `scripts/bench.ps1 --help`), e.g.
#   scripts/bench.ps1 --job quick --filter '*WinRt*'
# On Windows this runs the Windows bench build: the portable (System.Net.Sockets) benchmarks and the
# WinRT (Windows.Networking.Sockets) ones side by side in one run. Elsewhere (PowerShell on Linux or
# macOS) it runs the portable build, as scripts/bench does. See docs/windows.md.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
if ($args.Count -eq 0) { $arguments = @('--job', 'default', '--filter', '*') } else { $arguments = $args }
# Without a filter BenchmarkDotNet would stop and ask which benchmarks to run: options alone mean the whole matrix.
if (-not ($arguments -contains '--filter' -or $arguments -contains '-f' -or $arguments -contains '--list' -or $arguments -contains '--help')) { $arguments = @($arguments) + @('--filter', '*') }
$job = 'default'; $out = $null
for ($i = 0; $i -lt $arguments.Count; $i++) {
  if ($arguments[$i] -eq '--job') { $job = $arguments[$i + 1] }
  if ($arguments[$i] -eq '--out') { $out = $arguments[$i + 1] }
}
if ($IsWindows -or $env:OS -eq 'Windows_NT') {
    $project = 'bench/SocketBench.Benchmarks.Windows'
} else {
    $project = 'bench/SocketBench.Benchmarks'
}
dotnet run -c Release --project $project -- @arguments
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
if ($arguments -contains '--list' -or $arguments -contains '--help') { exit 0 }
if (-not $out) { $out = "results/$job" }
$report = if ($out -eq 'results/default') { 'results/report' } else { "$out/report" }
dotnet run -c Release --project src/SocketBench.Cli -- report $out --out $report
exit $LASTEXITCODE
