# Dot-sourced by every pac script (PowerShell twin of common.sh): strict mode, -DryRun, command echo with secrets
# masked, and the checks that stop with a message saying what to install or set.
Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..')).Path
$script:Secrets = [System.Collections.Generic.List[string]]::new()
# Absolute paths: the scripts never change the caller's location.
$script:PluginProject = Join-Path $script:RepoRoot 'src/DataverseRelationship.Plugins'
$script:PluginAssembly = Join-Path $script:RepoRoot 'src/DataverseRelationship.Plugins/bin/Release/net462/DataverseRelationship.Plugins.dll'
$script:PackerProject = Join-Path $script:RepoRoot 'src/DataverseRelationship.SolutionPackager'
$script:PacInstallHint = 'install the Power Platform CLI: dotnet tool install --global Microsoft.PowerApps.CLI.Tool (and put ~/.dotnet/tools on PATH), or see https://aka.ms/PowerPlatformCLI'

function Stop-Script([string]$Message) {
    [Console]::Error.WriteLine("error: $Message")
    exit 1
}

function Write-Note([string]$Message) {
    [Console]::Error.WriteLine("note: $Message")
}

# Registers a value that must never be printed.
function Add-Secret([string]$Value) {
    if ($Value) { $script:Secrets.Add($Value) }
}

# One argument as a shell word, with secrets replaced by ***.
function Format-Word([string]$Word) {
    foreach ($secret in $script:Secrets) { $Word = $Word.Replace($secret, '***') }
    if ($Word -cmatch '^[A-Za-z0-9_./:=@%+,*\\-]+$') { return $Word }
    return "'" + $Word.Replace("'", "''") + "'"
}

function Format-Command([string[]]$Command) {
    return (($Command | ForEach-Object { Format-Word $_ }) -join ' ')
}

# Runs a command; with -DryRun only prints it on standard output. A non-zero exit code stops the script.
function Invoke-Step([string[]]$Command) {
    $line = Format-Command $Command
    if ($script:DryRun) {
        Write-Output $line
        return
    }
    [Console]::Error.WriteLine("+ $line")
    $executable = $Command[0]
    $arguments = @($Command | Select-Object -Skip 1)
    & $executable @arguments
    if ($LASTEXITCODE -ne 0) { Stop-Script "$executable exited with code $LASTEXITCODE" }
}

# Runs the project's packer (pack, verify-assembly, verify-package): a prebuilt
# DataverseRelationship.SolutionPackager.dll when PACKER_DLL names one, else through dotnet run.
function Invoke-Packer([string[]]$Arguments) {
    if ($env:PACKER_DLL) {
        Invoke-Step (@('dotnet', $env:PACKER_DLL) + $Arguments)
    }
    else {
        Invoke-Step (@('dotnet', 'run', '--project', $script:PackerProject, '-c', 'Release', '--') + $Arguments)
    }
}

# A path made absolute against the caller's location; empty stays empty.
function Resolve-FullPath([string]$Path) {
    if (-not $Path) { return $Path }
    return $ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path)
}

function Test-Pac {
    return $null -ne (Get-Command pac -ErrorAction SilentlyContinue)
}

function Assert-Pac {
    if (Test-Pac) { return }
    if ($script:DryRun) {
        Write-Note "pac is not on PATH (dry run only prints the commands); to run them, $script:PacInstallHint"
        return
    }
    Stop-Script "pac (the Power Platform CLI) is not on PATH; $script:PacInstallHint"
}

function Assert-Dotnet {
    if ($script:DryRun -or (Get-Command dotnet -ErrorAction SilentlyContinue)) { return }
    Stop-Script 'dotnet (the .NET SDK 10) is not on PATH; install it from https://dot.net'
}

# Stops when the environment variable is unset or empty.
function Assert-Variable([string]$Name, [string]$What) {
    $value = [Environment]::GetEnvironmentVariable($Name)
    if (-not $value) { Stop-Script "environment variable $Name is not set: set it to $What" }
    return $value
}

function Assert-File([string]$Path, [string]$What, [string]$How) {
    if (-not (Test-Path -LiteralPath $Path -PathType Leaf)) { Stop-Script "$What '$Path' does not exist: $How" }
}

# The text of <Name> in the source's Other/Solution.xml (UniqueName, Version).
function Get-SolutionField([string]$Source, [string]$Name) {
    $file = Join-Path $Source 'Other/Solution.xml'
    Assert-File $file 'the solution manifest' 'pass -Source with an unpacked solution folder (pac solution unpack layout)'
    $node = ([xml](Get-Content -LiteralPath $file -Raw)).SelectSingleNode("/ImportExportXml/SolutionManifest/$Name")
    if ($null -eq $node -or -not $node.InnerText.Trim()) { Stop-Script "$file has no <$Name> element" }
    return $node.InnerText.Trim()
}

# The file name pac and the packer give the zip, e.g. DataverseRelationship_1.0.0.0_managed.zip.
function Get-ZipName([string]$Source, [switch]$Managed) {
    $name = Get-SolutionField $Source 'UniqueName'
    $version = Get-SolutionField $Source 'Version'
    if ($Managed) { return "${name}_${version}_managed.zip" }
    return "${name}_${version}.zip"
}
