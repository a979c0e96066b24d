<#
.SYNOPSIS
Creates a pac authentication profile for the target environment and shows who it signs in as.
.DESCRIPTION
Service principal: set PAC_ENVIRONMENT_URL, PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID.
Interactive: set PAC_ENVIRONMENT_URL and pass -Interactive (or leave the other three unset outside CI).
.EXAMPLE
pac-scripts/auth.ps1 -DryRun
#>
param([switch]$Interactive, [switch]$DryRun)
. (Join-Path $PSScriptRoot 'common.ps1')

$url = Assert-Variable 'PAC_ENVIRONMENT_URL' 'the Dataverse environment URL, e.g. https://contoso.crm.dynamics.com'
if ($url -notmatch '^https://') { Stop-Script "PAC_ENVIRONMENT_URL '$url' must be an https:// URL" }

$useInteractive = [bool]$Interactive
if (-not $useInteractive -and -not ("$env:PAC_APPLICATION_ID$env:PAC_CLIENT_SECRET$env:PAC_TENANT_ID")) {
    if ($env:CI -eq 'true') {
        Stop-Script 'no credentials: in CI set PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID (service principal)'
    }
    Write-Note 'PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID are unset: signing in interactively'
    $useInteractive = $true
}

Assert-Pac
if ($useInteractive) {
    Invoke-Step @('pac', 'auth', 'create', '--environment', $url)
}
else {
    $applicationId = Assert-Variable 'PAC_APPLICATION_ID' "the service principal's application (client) id"
    $clientSecret = Assert-Variable 'PAC_CLIENT_SECRET' "the service principal's client secret"
    $tenant = Assert-Variable 'PAC_TENANT_ID' 'the Microsoft Entra tenant id'
    Add-Secret $clientSecret
    Invoke-Step @('pac', 'auth', 'create', '--environment', $url, '--applicationId', $applicationId,
        '--clientSecret', $clientSecret, '--tenant', $tenant)
}
Invoke-Step @('pac', 'org', 'who')
