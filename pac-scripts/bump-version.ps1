<#
.SYNOPSIS
Sets the build part of the solution version (a.b.BUILD.d) in the source's Other/Solution.xml.
.DESCRIPTION
The build number comes from -BuildNumber, else BUILD_NUMBER, else GITHUB_RUN_NUMBER.
.EXAMPLE
pac-scripts/bump-version.ps1 -BuildNumber 42 -DryRun
#>
param([string]$BuildNumber, [string]$Source, [switch]$DryRun)
. (Join-Path $PSScriptRoot 'common.ps1')
$Source = Resolve-FullPath $Source

if (-not $Source) { $Source = Join-Path $RepoRoot 'solution/src' }
if (-not $BuildNumber) { $BuildNumber = if ($env:BUILD_NUMBER) { $env:BUILD_NUMBER } else { $env:GITHUB_RUN_NUMBER } }
if (-not $BuildNumber) {
    Stop-Script 'no build number: pass -BuildNumber N or set BUILD_NUMBER (GitHub Actions sets GITHUB_RUN_NUMBER)'
}
if ($BuildNumber -notmatch '^[0-9]+$') { Stop-Script "build number '$BuildNumber' must be a whole number" }
$manifest = Join-Path $Source 'Other/Solution.xml'
Assert-File $manifest 'the solution manifest' 'pass -Source with an unpacked solution folder'
Assert-Pac
Invoke-Step @('pac', 'solution', 'version', '--buildversion', $BuildNumber, '--solutionPath', $manifest)
