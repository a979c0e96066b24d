<#
.SYNOPSIS
Builds the plugin against the OFFICIAL SDK and packs the solution into out/ with the built assembly mapped in.
.DESCRIPTION
Packs through pac solution pack when pac is on PATH, otherwise through the project's own packer (same zip layout).
-TestPackage builds against the offline stand-in and always uses the project's packer, which names the zips
*_TEST-DO-NOT-IMPORT* (never import them). -Assembly FILE packs a prebuilt plugin assembly instead of building one
(e.g. a CI artifact); it is checked all the same.
Steps on the Win and Lose messages of opportunity get the environment's sdkmessage ids in a staged copy
(out/staged-src): read with pac env fetch from the current pac auth profile's environment, or given with
-MessageIds WIN_GUID,LOSE_GUID (or DVR_WIN_MESSAGE_ID and DVR_LOSE_MESSAGE_ID), which the project's packer needs.
-StageOnly writes that staged copy, prints its path and stops (for pipelines that pack with their own action).
.EXAMPLE
pac-scripts/pack.ps1 -Type Both -DryRun
.EXAMPLE
pac-scripts/pack.ps1 -MessageIds 'WIN_GUID,LOSE_GUID'
#>
param(
    [ValidateSet('Both', 'Unmanaged', 'Managed')][string]$Type = 'Both',
    [string]$Source,
    [string]$Out,
    [string]$Assembly,
    [string]$MessageIds,
    [switch]$TestPackage,
    [switch]$StageOnly,
    [switch]$DryRun)
. (Join-Path $PSScriptRoot 'common.ps1')

$ManagedFromSource = "the managed zip is packed from unmanaged source (forms reuse their unmanaged XML, as pac solution pack --useUnmanagedFileForMissingManaged does); Dataverse's own managed export can differ, so for deployment export it managed from a build environment (.github/workflows/deploy.yml: import the unmanaged zip there, then export-solution with managed: true)"

# The platform's sdkmessage rows for Win and Lose: their ids are the same in every environment that has them
# (Dynamics 365 Sales installs them), but no public source lists them, so they are read from the environment.
$MessageFetch = "<fetch><entity name='sdkmessage'><attribute name='sdkmessageid'/><attribute name='name'/><filter><condition attribute='name' operator='in'><value>Win</value><value>Lose</value></condition></filter></entity></fetch>"
$GuidPattern = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$'
$MessageHint = 'check that the current pac auth profile (pac auth list; pac-scripts/auth.ps1 signs in) points at the target environment and that Dynamics 365 Sales (which adds the Win and Lose messages of opportunity) is installed there, or pass -MessageIds WIN_GUID,LOSE_GUID'

# The source's step files whose Name ends with ": <Message> of opportunity", relative to the source.
function Get-MessageStep([string]$Folder, [string]$Message) {
    $steps = Join-Path $Folder 'SdkMessageProcessingSteps'
    if (-not (Test-Path -LiteralPath $steps -PathType Container)) { return @() }
    $pattern = '<SdkMessageProcessingStep [^>]*Name="[^"]*: ' + $Message + ' of opportunity"'
    return @(Get-ChildItem -LiteralPath $steps -Filter '*.xml' -File | Sort-Object Name |
        Where-Object { (Get-Content -LiteralPath $_.FullName -Raw) -cmatch $pattern } |
        ForEach-Object { "SdkMessageProcessingSteps/$($_.Name)" })
}

# The GUID on the row of the pac env fetch table whose name is $Message, whatever the column order; $null when no
# row has it; stops when rows disagree.
function Get-MessageIdFromFetch([string]$Output, [string]$Message) {
    $found = $null
    foreach ($line in ($Output -split "`r?`n")) {
        $fields = @($line -split '[\s|,;"'']+' | Where-Object { $_ } | ForEach-Object { $_.TrimStart('{').TrimEnd('}') })
        $ids = @($fields | Where-Object { $_ -cne $Message -and $_ -match $GuidPattern })
        if (($fields -ccontains $Message) -and $ids.Count -eq 1) {
            if ($found -and $found -cne $ids[0]) {
                Stop-Script "the environment has more than one sdkmessage named $Message ($found, $($ids[0])): pass the right one with -MessageIds WIN_GUID,LOSE_GUID"
            }
            $found = $ids[0]
        }
    }
    return $found
}

# Replaces the text of the file's <SdkMessageId>, leaving every other byte as it is (a byte order mark included).
function Set-MessageId([string]$File, [string]$Id) {
    $utf8 = [System.Text.UTF8Encoding]::new($false)
    $content = $utf8.GetString([System.IO.File]::ReadAllBytes($File))
    $match = [regex]::Match($content, '<SdkMessageId>[^<]*</SdkMessageId>')
    if (-not $match.Success) { Stop-Script "$File has no <SdkMessageId> element" }
    $content = $content.Remove($match.Index, $match.Length).Insert($match.Index, "<SdkMessageId>$Id</SdkMessageId>")
    [System.IO.File]::WriteAllBytes($File, $utf8.GetBytes($content))
}

# Gives one staged step file the id of $Message; with -DryRun only says so.
function Set-StagedMessageId([string]$File, [string]$Id, [string]$Message) {
    if ($script:DryRun) {
        Write-Output "# ${File}: SdkMessageId = $Id ($Message)"
        return
    }
    Set-MessageId $File $Id
    Write-Note "${File}: SdkMessageId = $Id ($Message)"
}

# Copies the source to out/staged-src and gives its Win and Lose steps the environment's sdkmessage ids ($Via is pac
# or packer: only pac can query the environment). Sets $script:PackSource to the staged copy; leaves it alone when
# the source has no step on Win or Lose.
function Invoke-MessageStaging([string]$Via) {
    $winSteps = @(Get-MessageStep $Source 'Win')
    $loseSteps = @(Get-MessageStep $Source 'Lose')
    if ($winSteps.Count + $loseSteps.Count -eq 0) { return }
    $win = $null
    $lose = $null
    if ($MessageIds) {
        if (-not $MessageIds.Contains(',')) {
            Stop-Script "-MessageIds '$MessageIds' must be WIN_GUID,LOSE_GUID (the sdkmessage ids of Win and Lose, comma-separated)"
        }
        $comma = $MessageIds.IndexOf(',')
        $win = $MessageIds.Substring(0, $comma)
        $lose = $MessageIds.Substring($comma + 1)
    }
    elseif ($env:DVR_WIN_MESSAGE_ID -or $env:DVR_LOSE_MESSAGE_ID) {
        $win = Assert-Variable 'DVR_WIN_MESSAGE_ID' 'the sdkmessage id of Win (DVR_LOSE_MESSAGE_ID is set)'
        $lose = Assert-Variable 'DVR_LOSE_MESSAGE_ID' 'the sdkmessage id of Lose (DVR_WIN_MESSAGE_ID is set)'
    }
    elseif ($Via -eq 'packer') {
        $steps = ($winSteps + $loseSteps) -join ', '
        Stop-Script "the steps on Win and Lose of opportunity ($steps) need the target environment's sdkmessage ids (the ids in the source were generated for this repository and an import fails on them; the project's packer cannot query an environment): pass -MessageIds WIN_GUID,LOSE_GUID (or set DVR_WIN_MESSAGE_ID and DVR_LOSE_MESSAGE_ID), read with: pac env fetch --xml `"$MessageFetch`""
    }
    $fetch = @('pac', 'env', 'fetch', '--xml', $MessageFetch)
    if ($win -or $lose) {
        if ($win -notmatch $GuidPattern) { Stop-Script "the sdkmessage id of Win '$win' is not a GUID" }
        if ($lose -notmatch $GuidPattern) { Stop-Script "the sdkmessage id of Lose '$lose' is not a GUID" }
    }
    elseif ($script:DryRun) {
        Write-Output (Format-Command $fetch)
        $win = '<the sdkmessageid of Win from the fetch>'
        $lose = '<the sdkmessageid of Lose from the fetch>'
    }
    else {
        [Console]::Error.WriteLine('+ ' + (Format-Command $fetch))
        # Windows PowerShell turns a native command's standard error into errors that 'Stop' would throw on.
        $ErrorActionPreference = 'Continue'
        $output = (& pac env fetch --xml $MessageFetch 2>&1 | Out-String).Trim()
        $exitCode = $LASTEXITCODE
        $ErrorActionPreference = 'Stop'
        if ($exitCode -ne 0) { Stop-Script "pac env fetch failed: $output; $MessageHint" }
        $win = Get-MessageIdFromFetch $output 'Win'
        $lose = Get-MessageIdFromFetch $output 'Lose'
        if (-not $win -or -not $lose) {
            $missing = if (-not $win -and -not $lose) { 'Win and Lose' } elseif (-not $win) { 'Win' } else { 'Lose' }
            Stop-Script "could not read the sdkmessage id of $missing from pac env fetch; $MessageHint. pac answered: $output"
        }
        # The platform's message ids are the same in every environment that has them: print them once for committing.
        Write-Note "the environment's sdkmessage ids: Win $win, Lose $lose; to pack without a lookup, pass -MessageIds $win,$lose or set DVR_WIN_MESSAGE_ID=$win and DVR_LOSE_MESSAGE_ID=$lose (e.g. as repository variables of the deploy workflow)"
    }

    $staged = Join-Path $Out 'staged-src'
    $separator = [System.IO.Path]::DirectorySeparatorChar
    if (($staged + $separator).StartsWith($Source.TrimEnd('/', '\') + $separator, [StringComparison]::OrdinalIgnoreCase)) {
        Stop-Script "-Out '$Out' is inside -Source '$Source': the staged copy $staged must be outside the source"
    }
    if ($script:DryRun) {
        Write-Output "# copy $Source to $staged"
    }
    else {
        if (Test-Path -LiteralPath $staged) { Remove-Item -LiteralPath $staged -Recurse -Force }
        New-Item -ItemType Directory -Force -Path $staged | Out-Null
        Get-ChildItem -LiteralPath $Source -Force | Copy-Item -Destination $staged -Recurse -Force
    }
    foreach ($step in $winSteps) { Set-StagedMessageId "$staged/$step" $win 'Win' }
    foreach ($step in $loseSteps) { Set-StagedMessageId "$staged/$step" $lose 'Lose' }
    $script:PackSource = $staged
}

$Source = Resolve-FullPath $Source
$Out = Resolve-FullPath $Out
$Assembly = Resolve-FullPath $Assembly

if (-not $Source) { $Source = Join-Path $RepoRoot 'solution/src' }
if (-not $Out) { $Out = Join-Path $RepoRoot 'out' }
if ($StageOnly -and $TestPackage) {
    throw '-StageOnly stages the source for an official pack; it does not go with -TestPackage'
}
Assert-File (Join-Path $Source 'Other/Solution.xml') 'the solution manifest' 'pass -Source with an unpacked solution folder'
Assert-Dotnet

# The folder that gets packed: the source, or its staged copy with the environment's Win and Lose message ids.
$script:PackSource = $Source
if (-not $TestPackage) {
    if (Test-Pac) { Invoke-MessageStaging 'pac' } else { Invoke-MessageStaging 'packer' }
}
if ($StageOnly) {
    Write-Output $script:PackSource
    return
}

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
    $pack = @('pac', 'solution', 'pack', '--zipfile', $zip, '--folder', $script:PackSource, '--packagetype', $Type, '--map', $map)
    if ($Type -ne 'Unmanaged') {
        # The source has no *_managed.xml form files (it was not unpacked from a managed export), and pac packs a
        # managed zip from those files: --useUnmanagedFileForMissingManaged reuses the unmanaged XML for FormXml,
        # AppModule and AppModuleSiteMap (https://learn.microsoft.com/power-platform/developer/cli/reference/solution#pac-solution-pack).
        Write-Note $ManagedFromSource
        $pack += '--useUnmanagedFileForMissingManaged'
    }
    Invoke-Step $pack
}
else {
    if (-not $TestPackage) { Write-Note "pac is not on PATH: packing with the project's own packer" }
    $arguments = @('pack', '--source', $script:PackSource, '--assembly', $PluginAssembly, '--out', $Out, '--type', $Type)
    if ($TestPackage) { $arguments += '--test-package' }
    Invoke-Packer $arguments
}
