# PowerShell twin of scripts/compare: same arguments, same exit codes.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
dotnet run -c Release --project src/SocketBench.Cli -- compare @args
exit $LASTEXITCODE
