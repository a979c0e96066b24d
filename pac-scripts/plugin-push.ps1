<#
.SYNOPSIS
Developer inner loop: builds the plugin against the official SDK and pushes the assembly over the registered one.
.DESCRIPTION
The plugin assembly id comes from -PluginId or PAC_PLUGIN_ID (pac has no command that lists plug-in assemblies: pac plugin has only init and push, https://learn.microsoft.com/power-platform/developer/cli/reference/plugin; the id is the PluginAssemblyId of solution/src/PluginAssemblies/<Name>-<GUID>/*.dll.data.xml, kept when the solution is imported, so the same in every environment).
.EXAMPLE
pac-scripts/plugin-push.ps1 -PluginId 00000000-0000-0000-0000-000000000000 -DryRun
#>
param([string]$PluginId, [string]$PluginFile, [switch]$NoBuild, [switch]$DryRun)
. (Join-Path $PSScriptRoot 'common.ps1')
$PluginFile = Resolve-FullPath $PluginFile

if (-not $PluginId) { $PluginId = $env:PAC_PLUGIN_ID }
if (-not $PluginFile) { $PluginFile = $PluginAssembly }
if (-not $PluginId) { Stop-Script 'no plugin assembly id: pass -PluginId GUID or set PAC_PLUGIN_ID (the id is the PluginAssemblyId in solution/src/PluginAssemblies/*/*.dll.data.xml)' }
if ($PluginId -notmatch '^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$') {
    Stop-Script "plugin id '$PluginId' is not a GUID"
}
Assert-Dotnet
if (-not $NoBuild) {
    Invoke-Step @('dotnet', 'build', $PluginProject, '-c', 'Release', '-f', 'net462', '-p:XrmSdk=Official')
}
if (-not $DryRun -or $NoBuild) {
    Assert-File $PluginFile 'the plugin assembly' "build it with dotnet build $PluginProject -c Release -f net462 -p:XrmSdk=Official or pass -PluginFile"
}
Invoke-Packer @('verify-assembly', '--assembly', $PluginFile)
Assert-Pac
Invoke-Step @('pac', 'plugin', 'push', '--pluginId', $PluginId, '--pluginFile', $PluginFile)
