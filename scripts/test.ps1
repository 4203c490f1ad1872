# Builds everything, runs every test, and ends with what did not run: one line per skip reason with its
# count, then one line of totals, as scripts/test does. On Windows the WinRT contract tests run against
# real WinRT sockets; elsewhere they report as skipped ("requires Windows"). See docs/windows.md.
# Arguments go to dotnet test, e.g. scripts/test.ps1 --filter 'FullyQualifiedName~Report'.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')
dotnet build SocketBench.sln -c Release
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
$results = Join-Path ([System.IO.Path]::GetTempPath()) ("socketbench-tests-" + [guid]::NewGuid().ToString('N'))
dotnet test SocketBench.sln -c Release -m:1 --no-build --logger trx --results-directory $results @args
$status = $LASTEXITCODE

$files = @(Get-ChildItem -Path $results -Filter *.trx -ErrorAction SilentlyContinue)
if ($files.Count -eq 0) {
    Write-Output "tests: no results written (exit $status)"
    exit $status
}
$passed = 0; $failed = 0; $skipped = 0; $reasons = @{}
foreach ($file in $files) {
    [xml]$trx = Get-Content -Raw $file.FullName
    $counters = $trx.TestRun.ResultSummary.Counters
    $passed += [int]$counters.passed
    $failed += [int]$counters.failed + [int]$counters.error + [int]$counters.timeout + [int]$counters.aborted
    $skipped += [int]$counters.total - [int]$counters.executed
    foreach ($result in $trx.TestRun.Results.UnitTestResult | Where-Object { $_.outcome -eq 'NotExecuted' }) {
        $reason = [string]$result.Output.ErrorInfo.Message
        $reasons[$reason] = 1 + [int]$reasons[$reason]
    }
}
Write-Output ''
Write-Output 'skipped, by reason:'
foreach ($entry in $reasons.GetEnumerator() | Sort-Object Value -Descending) {
    Write-Output ("  {0}  {1}" -f $entry.Value, $entry.Key)
}
Write-Output ("tests: {0} passed, {1} failed, {2} skipped" -f $passed, $failed, $skipped)
Remove-Item -Recurse -Force $results
exit $status
