# Runs the SocketBench benchmarks. With no arguments: the default job over the whole matrix,
# results in results/default/. Any argument is passed on (see `scripts/bench.ps1 --help`).
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
if ($args.Count -eq 0) { $arguments = @('--job', 'default', '--filter', '*') } else { $arguments = $args }
dotnet run -c Release --project bench/SocketBench.Benchmarks -- @arguments
exit $LASTEXITCODE
