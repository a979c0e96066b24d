<#
.SYNOPSIS
Writes the deployment settings file (environment variable values, connection references) for the managed zip.
.EXAMPLE
pac-scripts/create-settings.ps1 -DryRun
#>
param([string]$Zip, [string]$SettingsFile, [string]$Source, [string]$Out, [switch]$DryRun)
. (Join-Path $PSScriptRoot 'common.ps1')
$Zip = Resolve-FullPath $Zip
$SettingsFile = Resolve-FullPath $SettingsFile
$Source = Resolve-FullPath $Source
$Out = Resolve-FullPath $Out

if (-not $Source) { $Source = Join-Path $RepoRoot 'solution/src' }
if (-not $Out) { $Out = Join-Path $RepoRoot 'out' }
if (-not $Zip) { $Zip = Join-Path $Out (Get-ZipName $Source -Managed) }
if (-not $SettingsFile) { $SettingsFile = Join-Path $Out 'deployment-settings.json' }
Assert-File $Zip 'the solution zip' 'run pac-scripts/pack.ps1 first or pass -Zip'
Assert-Pac
Invoke-Step @('pac', 'solution', 'create-settings', '--solution-zip', $Zip, '--settings-file', $SettingsFile)
