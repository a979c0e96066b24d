using System;
using System.IO;
using System.Linq;
using DataverseRelationship.Solution.Tests.Packing;

namespace DataverseRelationship.Solution.Tests.Scripts;

/// <summary>
/// What the PowerShell twins and the GitHub workflow promise, pinned from their text (no GitHub runner here;
/// <see cref="PowerShellTwinTests"/> runs the twins themselves with pwsh).
/// </summary>
public sealed class DeploymentDefinitionTests
{
    private static string Workflow => File.ReadAllText(Path.Combine(Repository.Root, ".github", "workflows", "deploy.yml"));

    [Fact]
    public void Every_bash_script_has_a_PowerShell_twin_in_strict_mode_with_DryRun()
    {
        var bash = Directory.EnumerateFiles(Repository.PacScripts, "*.sh").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);
        var powershell = Directory.EnumerateFiles(Repository.PacScripts, "*.ps1").Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal);

        Assert.Equal(bash, powershell);
        var common = File.ReadAllText(Path.Combine(Repository.PacScripts, "common.ps1"));
        Assert.Contains("Set-StrictMode -Version Latest", common, StringComparison.Ordinal);
        Assert.Contains("$ErrorActionPreference = 'Stop'", common, StringComparison.Ordinal);
        foreach (var script in Directory.EnumerateFiles(Repository.PacScripts, "*.ps1").Where(f => !f.EndsWith("common.ps1", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(script);
            Assert.Contains(". (Join-Path $PSScriptRoot 'common.ps1')", text, StringComparison.Ordinal);
            Assert.Contains("[switch]$DryRun", text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("auth", "'pac', 'auth', 'create', '--environment', $url, '--applicationId', $applicationId")]
    [InlineData("bump-version", "'pac', 'solution', 'version', '--buildversion', $BuildNumber, '--solutionPath', $manifest")]
    [InlineData("pack", "'pac', 'solution', 'pack', '--zipfile', $zip, '--folder', $script:PackSource, '--packagetype', $Type, '--map', $map")]
    [InlineData("pack", "$arguments = @('pack', '--source', $script:PackSource,")]
    [InlineData("pack", "& pac env fetch --xml $MessageFetch")]
    [InlineData("pack", "if (-not $TestPackage) {\n    if (Test-Pac) { Invoke-MessageStaging 'pac' } else { Invoke-MessageStaging 'packer' }")]
    [InlineData("pack", "'dotnet', 'build', $PluginProject, '-c', 'Release', '-f', 'net462', \"-p:XrmSdk=$sdk\"")]
    [InlineData("import", "Invoke-Packer @('verify-package', '--zip', $Zip)")]
    [InlineData("check", "'pac', 'solution', 'check', '--path', $Zip")]
    [InlineData("create-settings", "'pac', 'solution', 'create-settings', '--solution-zip', $Zip, '--settings-file', $SettingsFile")]
    [InlineData("import", "'pac', 'solution', 'import', '--path', $Zip, '--activate-plugins', '--publish-changes', '--async', '--settings-file', $SettingsFile")]
    [InlineData("plugin-push", "'pac', 'plugin', 'push', '--pluginId', $PluginId, '--pluginFile', $PluginFile")]
    public void The_PowerShell_twin_runs_the_same_pac_command(string script, string command)
    {
        Assert.Contains(command, File.ReadAllText(Path.Combine(Repository.PacScripts, script + ".ps1")).ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_PowerShell_pack_queries_the_same_sdkmessage_rows_as_the_bash_pack()
    {
        const string Fetch = "<fetch><entity name='sdkmessage'><attribute name='sdkmessageid'/><attribute name='name'/><filter><condition attribute='name' operator='in'><value>Win</value><value>Lose</value></condition></filter></entity></fetch>";
        var powershell = File.ReadAllText(Path.Combine(Repository.PacScripts, "pack.ps1"));
        var bash = File.ReadAllText(Path.Combine(Repository.PacScripts, "pack.sh"));

        Assert.Contains($"$MessageFetch = \"{Fetch}\"", powershell, StringComparison.Ordinal);
        Assert.Contains($"MESSAGE_FETCH=\"{Fetch}\"", bash, StringComparison.Ordinal);
        Assert.Contains("[string]$MessageIds", powershell, StringComparison.Ordinal);
        Assert.Contains("$env:DVR_WIN_MESSAGE_ID -or $env:DVR_LOSE_MESSAGE_ID", powershell, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("microsoft/powerplatform-actions/actions-install@v1")]
    [InlineData("microsoft/powerplatform-actions/who-am-i@v1")]
    [InlineData("microsoft/powerplatform-actions/pack-solution@v1")]
    [InlineData("microsoft/powerplatform-actions/check-solution@v1")]
    [InlineData("microsoft/powerplatform-actions/import-solution@v1")]
    [InlineData("dotnet build src/DataverseRelationship.Plugins -c Release -f net462 -p:XrmSdk=Official")]
    [InlineData("verify-assembly --assembly")]
    [InlineData("verify-package --zip")]
    [InlineData("dotnet-version: 10.0.x")]
    [InlineData("solution-type: Both")]
    [InlineData("bash pac-scripts/pack.sh --stage-only")]
    [InlineData("solution-folder: out/staged-src")]
    [InlineData("activate-plugins: true")]
    [InlineData("client-secret: ${{ secrets.PAC_CLIENT_SECRET }}")]
    public void The_deploy_workflow_builds_official_and_uses_the_power_platform_actions(string expected)
    {
        Assert.Contains(expected, Workflow, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deploy_workflow_authenticates_pac_again_after_who_am_i_before_pac_env_fetch_reads_the_message_ids()
    {
        // who-am-i deletes its pac profile when it ends (powerplatform-cli-wrapper whoAmI.ts), so pack.sh --stage-only,
        // whose pac env fetch needs one when the ids are not given, must follow a fresh pac-scripts/auth.sh.
        var whoAmI = Workflow.IndexOf("powerplatform-actions/who-am-i@v1", StringComparison.Ordinal);
        var auth = Workflow.IndexOf("bash pac-scripts/auth.sh", StringComparison.Ordinal);
        var stage = Workflow.IndexOf("bash pac-scripts/pack.sh --stage-only", StringComparison.Ordinal);

        Assert.True(whoAmI >= 0 && auth > whoAmI && stage > auth, $"who-am-i at {whoAmI}, auth.sh at {auth}, pack.sh --stage-only at {stage}");
        Assert.Contains("PAC_CLIENT_SECRET: ${{ secrets.PAC_CLIENT_SECRET }}", Workflow[whoAmI..stage], StringComparison.Ordinal);
    }

    [Fact]
    public void The_deploy_workflow_never_builds_against_the_stand_in_nor_packs_a_test_package()
    {
        Assert.DoesNotContain("XrmSdk=StandIn", Workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("--test-package", Workflow, StringComparison.Ordinal);
    }
}
