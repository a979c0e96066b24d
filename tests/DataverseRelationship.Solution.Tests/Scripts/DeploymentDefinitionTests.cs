using System;
using System.Collections.Generic;
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
    [InlineData("microsoft/powerplatform-actions/export-solution@v1")]
    [InlineData("dotnet build src/DataverseRelationship.Plugins -c Release -f net462 -p:XrmSdk=Official")]
    [InlineData("verify-assembly --assembly")]
    [InlineData("verify-package --zip")]
    [InlineData("dotnet-version: 10.0.x")]
    [InlineData("solution-type: Unmanaged")]
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
        // who-am-i runs pac auth clear when it ends (powerplatform-cli-wrapper src/actions/whoAmI.ts), as every
        // powerplatform action does, which deletes every profile: pack.sh --stage-only, whose pac env fetch needs one
        // when the ids are not given, must follow a fresh pac-scripts/auth.sh in the same step, with no action between.
        var steps = Steps("pack");
        var whoAmI = steps.FindIndex(s => s.Contains("powerplatform-actions/who-am-i@v1", StringComparison.Ordinal));
        var stage = steps.FindIndex(s => s.Contains("bash pac-scripts/pack.sh --stage-only", StringComparison.Ordinal));

        Assert.True(whoAmI >= 0 && stage > whoAmI, $"who-am-i is step {whoAmI}, pack.sh --stage-only step {stage}");
        var staging = steps[stage];
        var auth = staging.IndexOf("bash pac-scripts/auth.sh", StringComparison.Ordinal);
        Assert.True(auth >= 0 && auth < staging.IndexOf("bash pac-scripts/pack.sh --stage-only", StringComparison.Ordinal), staging);
        Assert.Contains("PAC_CLIENT_SECRET: ${{ secrets.PAC_CLIENT_SECRET }}", staging, StringComparison.Ordinal);
        Assert.Contains("DVR_WIN_MESSAGE_ID: ${{ vars.DVR_WIN_MESSAGE_ID }}", staging, StringComparison.Ordinal);
        Assert.Contains("trap 'pac auth clear' EXIT", staging, StringComparison.Ordinal);
    }

    [Fact]
    public void The_deploy_workflow_exports_the_managed_zip_from_the_build_environment_after_importing_the_unmanaged_zip()
    {
        // SolutionPackager "can't convert one type to another": import unmanaged into a build environment, export
        // managed (https://learn.microsoft.com/power-platform/alm/solution-packager-tool#managed-and-unmanaged-solutions,
        // https://learn.microsoft.com/power-platform/alm/basics-alm#source-control-process-using-a-solution).
        var steps = Steps("pack");
        var pack = Assert.Single(steps, s => s.Contains("powerplatform-actions/pack-solution@v1", StringComparison.Ordinal));
        var import = Assert.Single(steps, s => s.Contains("powerplatform-actions/import-solution@v1", StringComparison.Ordinal));
        var export = Assert.Single(steps, s => s.Contains("powerplatform-actions/export-solution@v1", StringComparison.Ordinal));
        var check = Assert.Single(steps, s => s.Contains("powerplatform-actions/check-solution@v1", StringComparison.Ordinal));
        var verify = Assert.Single(steps, s => s.Contains("verify-package --zip", StringComparison.Ordinal));

        Assert.Contains("solution-type: Unmanaged", pack, StringComparison.Ordinal);
        Assert.Contains("solution-file: ${{ steps.solution.outputs.zip }}", pack, StringComparison.Ordinal);
        Assert.Contains("solution-file: ${{ steps.solution.outputs.zip }}", import, StringComparison.Ordinal);
        Assert.Contains("managed: true", export, StringComparison.Ordinal);
        Assert.Contains("solution-name: ${{ steps.solution.outputs.name }}", export, StringComparison.Ordinal);
        Assert.Contains("solution-output-file: ${{ steps.solution.outputs.managed-zip }}", export, StringComparison.Ordinal);
        Assert.Contains("${{ steps.solution.outputs.managed-zip }}", verify, StringComparison.Ordinal);
        Assert.Contains("path: ${{ steps.solution.outputs.managed-zip }}", check, StringComparison.Ordinal);
        Assert.True(steps.IndexOf(pack) < steps.IndexOf(import) && steps.IndexOf(import) < steps.IndexOf(export)
            && steps.IndexOf(export) < steps.IndexOf(verify) && steps.IndexOf(verify) < steps.IndexOf(check),
            "pack unmanaged, import it, export managed, verify, check: in that order");
        Assert.DoesNotContain("solution-type: Managed", Workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("solution-type: Both", Workflow, StringComparison.Ordinal);
        Assert.Contains("environment: build", Job("pack"), StringComparison.Ordinal);
    }

    [Fact]
    public void The_deploy_workflow_imports_into_the_target_only_the_managed_zip_the_build_environment_exported()
    {
        var import = Assert.Single(Steps("import"), s => s.Contains("powerplatform-actions/import-solution@v1", StringComparison.Ordinal));

        Assert.Contains("solution-file: ${{ needs.pack.outputs.managed-zip }}", import, StringComparison.Ordinal);
        Assert.Contains("managed-zip: ${{ steps.solution.outputs.managed-zip }}", Job("pack"), StringComparison.Ordinal);
    }

    [Fact]
    public void No_script_help_or_document_names_the_nonexistent_pac_plugin_list()
    {
        // pac plugin has two commands, init and push (https://learn.microsoft.com/power-platform/developer/cli/reference/plugin).
        var files = Directory.EnumerateFiles(Repository.PacScripts)
            .Append(Path.Combine(Repository.Root, ".github", "workflows", "deploy.yml"))
            .Append(Path.Combine(Repository.Root, "README.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(Repository.Root, "docs"), "*.md"));

        foreach (var file in files)
        {
            Assert.DoesNotContain("pac plugin list", File.ReadAllText(file), StringComparison.Ordinal);
        }
        foreach (var script in new[] { "plugin-push.sh", "plugin-push.ps1" })
        {
            Assert.Contains("pac plugin has only init and push", File.ReadAllText(Path.Combine(Repository.PacScripts, script)), StringComparison.Ordinal);
        }
    }

    /// <summary>The text of a job of the workflow, from its key to the next job's.</summary>
    private static string Job(string name)
    {
        var lines = Workflow.ReplaceLineEndings("\n").Split('\n');
        var start = Array.IndexOf(lines, "  " + name + ":");
        Assert.True(start >= 0, $"job {name} not found");
        var end = Array.FindIndex(lines, start + 1, l => l.Length > 2 && l.StartsWith("  ", StringComparison.Ordinal) && l[2] != ' ' && l.EndsWith(':'));
        return string.Join('\n', lines[start..(end < 0 ? lines.Length : end)]);
    }

    /// <summary>The steps of a job, each the text from its "- " line to the next step's.</summary>
    private static List<string> Steps(string job)
    {
        var steps = new List<string>();
        foreach (var line in Job(job).Split('\n').SkipWhile(l => l != "    steps:").Skip(1))
        {
            if (line.StartsWith("      - ", StringComparison.Ordinal))
            {
                steps.Add(line);
            }
            else if (steps.Count > 0)
            {
                steps[^1] += "\n" + line;
            }
        }
        Assert.NotEmpty(steps);
        return steps;
    }

    [Fact]
    public void The_deploy_workflow_never_builds_against_the_stand_in_nor_packs_a_test_package()
    {
        Assert.DoesNotContain("XrmSdk=StandIn", Workflow, StringComparison.Ordinal);
        Assert.DoesNotContain("--test-package", Workflow, StringComparison.Ordinal);
    }
}
