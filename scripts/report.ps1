# PowerShell twin of scripts/report: same arguments, same exit codes.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
if ($args.Count -eq 0) { $args = @('results/default', '--out', 'results/report') }
dotnet run -c Release --project src/SocketBench.Cli -- report @args
exit $LASTEXITCODE
