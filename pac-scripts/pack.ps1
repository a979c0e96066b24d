<#
.SYNOPSIS
Builds the plugin against the OFFICIAL SDK and packs the solution into out/ with the built assembly mapped in.
.DESCRIPTION
Packs through pac solution pack when pac is on PATH, otherwise through the project's own packer (same zip layout).
-TestPackage builds against the offline stand-in and always uses the project's packer, which names the zips
*_TEST-DO-NOT-IMPORT* (never import them). -Assembly FILE packs a prebuilt plugin assembly instead of building one
(e.g. a CI artifact); it is checked all the same.
.EXAMPLE
pac-scripts/pack.ps1 -Type Both -DryRun
#>
param(
    [ValidateSet('Both', 'Unmanaged', 'Managed')][string]$Type = 'Both',
    [string]$Source,
    [string]$Out,
    [string]$Assembly,
    [switch]$TestPackage,
    [switch]$DryRun)
. (Join-Path $PSScriptRoot 'common.ps1')
$Source = Resolve-FullPath $Source
$Out = Resolve-FullPath $Out
$Assembly = Resolve-FullPath $Assembly

if (-not $Source) { $Source = Join-Path $RepoRoot 'solution/src' }
if (-not $Out) { $Out = Join-Path $RepoRoot 'out' }
Assert-File (Join-Path $Source 'Other/Solution.xml') 'the solution manifest' 'pass -Source with an unpacked solution folder'
Assert-Dotnet

$sdk = if ($TestPackage) { 'StandIn' } else { 'Official' }
if ($Assembly) {
    Assert-File $Assembly 'the plugin assembly' 'pass the path of a built DataverseRelationship.Plugins.dll to -Assembly'
    $PluginAssembly = $Assembly
}
else {
    Invoke-Step @('dotnet', 'build', $PluginProject, '-c', 'Release', '-f', 'net462', "-p:XrmSdk=$sdk")
}
if (-not $DryRun) {
    Assert-File $PluginAssembly 'the built plugin assembly' 'the dotnet build above should have written it'
    New-Item -ItemType Directory -Force -Path $Out | Out-Null
}

if (-not $TestPackage -and (Test-Pac)) {
    # pac knows nothing of the stand-in: check the assembly first, then map it over the source's copy.
    Invoke-Packer @('verify-assembly', '--assembly', $PluginAssembly)
    $map = Join-Path $Out 'pack-map.xml'
    if ($DryRun) {
        Write-Output "# $map maps PluginAssemblies/**/DataverseRelationship.Plugins.dll to $PluginAssembly"
    }
    else {
        $mapping = @"
<?xml version="1.0" encoding="utf-8"?>
<Mapping>
  <FileToFile map="PluginAssemblies/**/DataverseRelationship.Plugins.dll" to="$PluginAssembly" />
</Mapping>
"@
        Set-Content -LiteralPath $map -Value $mapping -Encoding utf8
    }
    $zip = Join-Path $Out (Get-ZipName $Source -Managed:($Type -eq 'Managed'))
    Invoke-Step @('pac', 'solution', 'pack', '--zipfile', $zip, '--folder', $Source, '--packagetype', $Type, '--map', $map)
}
else {
    if (-not $TestPackage) { Write-Note "pac is not on PATH: packing with the project's own packer" }
    $arguments = @('pack', '--source', $Source, '--assembly', $PluginAssembly, '--out', $Out, '--type', $Type)
    if ($TestPackage) { $arguments += '--test-package' }
    Invoke-Packer $arguments
}
