# Runs the SocketBench benchmarks, then writes the report of the run. With no arguments: the default
# job over the whole matrix, results in results/default/, report in results/report/. Any argument is
# passed on (see `scripts/bench.ps1 --help`).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
if ($args.Count -eq 0) { $arguments = @('--job', 'default', '--filter', '*') } else { $arguments = $args }
$job = 'default'; $out = $null
for ($i = 0; $i -lt $arguments.Count; $i++) {
  if ($arguments[$i] -eq '--job') { $job = $arguments[$i + 1] }
  if ($arguments[$i] -eq '--out') { $out = $arguments[$i + 1] }
}
dotnet run -c Release --project bench/SocketBench.Benchmarks -- @arguments
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
if ($arguments -contains '--list' -or $arguments -contains '--help') { exit 0 }
if (-not $out) { $out = "results/$job" }
$report = if ($out -eq 'results/default') { 'results/report' } else { "$out/report" }
dotnet run -c Release --project src/SocketBench.Cli -- report $out --out $report
exit $LASTEXITCODE
