# Builds everything and runs every test, as CI does. On Windows the WinRT contract tests run against
# real WinRT sockets; elsewhere they report as skipped ("requires Windows"). See docs/windows.md.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
dotnet build SocketBench.sln -c Release
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
dotnet test SocketBench.sln -c Release -m:1 --no-build @args
exit $LASTEXITCODE
