<#
.SYNOPSIS
Runs the Power Apps solution checker on the managed zip; results go to out/checker.
.EXAMPLE
pac-scripts/check.ps1 -DryRun
#>
param([string]$Zip, [string]$Source, [string]$Out, [switch]$DryRun)
. (Join-Path $PSScriptRoot 'common.ps1')
$Zip = Resolve-FullPath $Zip
$Source = Resolve-FullPath $Source
$Out = Resolve-FullPath $Out

if (-not $Source) { $Source = Join-Path $RepoRoot 'solution/src' }
if (-not $Out) { $Out = Join-Path $RepoRoot 'out' }
if (-not $Zip) { $Zip = Join-Path $Out (Get-ZipName $Source -Managed) }
Assert-File $Zip 'the solution zip' 'run pac-scripts/pack.ps1 first or pass -Zip'
Assert-Pac
Invoke-Step @('pac', 'solution', 'check', '--path', $Zip, '--outputDirectory', (Join-Path $Out 'checker'))
