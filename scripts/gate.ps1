# PowerShell twin of scripts/gate: same arguments, same exit codes.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
dotnet run -c Release --project src/SocketBench.Cli -- gate @args
exit $LASTEXITCODE
