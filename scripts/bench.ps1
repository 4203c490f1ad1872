# Runs the SocketBench benchmarks. With no arguments: the default job over the whole matrix,
# results in results/default/. Any argument is passed on (see `scripts/bench.ps1 --help`), e.g.
#   scripts/bench.ps1 --job quick --filter '*WinRt*'
# On Windows this runs the Windows bench build: the portable (System.Net.Sockets) benchmarks and the
# WinRT (Windows.Networking.Sockets) ones side by side in one run. Elsewhere (PowerShell on Linux or
# macOS) it runs the portable build, as scripts/bench does. See docs/windows.md.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
if ($args.Count -eq 0) { $arguments = @('--job', 'default', '--filter', '*') } else { $arguments = $args }
if ($IsWindows -or $env:OS -eq 'Windows_NT') {
    $project = 'bench/SocketBench.Benchmarks.Windows'
} else {
    $project = 'bench/SocketBench.Benchmarks'
}
dotnet run -c Release --project $project -- @arguments
exit $LASTEXITCODE
