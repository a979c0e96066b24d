<#
.SYNOPSIS
Imports the managed zip into the environment of the current pac auth profile (see auth.ps1).
.DESCRIPTION
Activates plugins and publishes, with the deployment settings file. Refuses a TEST-DO-NOT-IMPORT package and any
zip whose plugin assembly was not built against the official SDK (the packer's verify-package runs first).
.EXAMPLE
pac-scripts/import.ps1 -DryRun
#>
param([string]$Zip, [string]$SettingsFile, [switch]$StageAndUpgrade, [string]$Source, [string]$Out, [switch]$DryRun)
. (Join-Path $PSScriptRoot 'common.ps1')
$Zip = Resolve-FullPath $Zip
$SettingsFile = Resolve-FullPath $SettingsFile
$Source = Resolve-FullPath $Source
$Out = Resolve-FullPath $Out

if (-not $Source) { $Source = Join-Path $RepoRoot 'solution/src' }
if (-not $Out) { $Out = Join-Path $RepoRoot 'out' }
if (-not $Zip) { $Zip = Join-Path $Out (Get-ZipName $Source -Managed) }
if (-not $SettingsFile) { $SettingsFile = Join-Path $Out 'deployment-settings.json' }
if ((Split-Path -Leaf $Zip) -like '*TEST-DO-NOT-IMPORT*') {
    Stop-Script "'$Zip' is a TEST package built against the offline SDK stand-in: it must never be imported; build with pac-scripts/pack.ps1 (official SDK)"
}
Assert-File $Zip 'the solution zip' 'run pac-scripts/pack.ps1 first or pass -Zip'
Assert-File $SettingsFile 'the deployment settings file' 'run pac-scripts/create-settings.ps1 first and fill in its values, or pass -SettingsFile'
Assert-Dotnet
Invoke-Packer @('verify-package', '--zip', $Zip)
Assert-Pac
$arguments = @('pac', 'solution', 'import', '--path', $Zip, '--activate-plugins', '--publish-changes', '--async', '--settings-file', $SettingsFile)
if ($StageAndUpgrade) { $arguments += '--stage-and-upgrade' }
Invoke-Step $arguments
