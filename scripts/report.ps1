# PowerShell twin of scripts/report: same arguments, same exit codes. With no arguments: results/default
# into results/report. Otherwise e.g. scripts/report.ps1 results/quick --out results/quick/report
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
$arguments = if ($args.Count -eq 0) { @('results/default', '--out', 'results/report') } else { @($args) }
dotnet run -c Release --project src/SocketBench.Cli -- report @arguments
exit $LASTEXITCODE
