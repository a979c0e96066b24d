using System;
using System.IO;
using DataverseRelationship.Solution.Tests.Packing;
using DataverseRelationship.Tests.Support;

namespace DataverseRelationship.Solution.Tests.Scripts;

/// <summary>
/// The PowerShell twins, run with pwsh: each prints, on a dry run, exactly the commands its bash twin prints for the
/// same inputs, and stops with the same exit code on the same bad input.
/// </summary>
public sealed class PowerShellTwinTests
{
    private const string PluginId = "0f1e2d3c-4b5a-4697-8877-665544332211";

    /// <summary>The .NET installation the pwsh tool shim runs on (the one running these tests).</summary>
    private static string DotnetRoot =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));

    private static PacScript Twin(bool withPac = false)
    {
        var script = new PacScript(withPac, withDotnet: true)
            .Set("PAC_ENVIRONMENT_URL", "https://contoso.crm4.dynamics.com")
            .Set("PAC_APPLICATION_ID", "5f1c2b3a-9d8e-4f7a-b6c5-d4e3f2a1b0c9")
            .Set("PAC_CLIENT_SECRET", "s3cr3t value/with+chars")
            .Set("PAC_TENANT_ID", "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d")
            .Set("DOTNET_ROOT", DotnetRoot)
            .Set("POWERSHELL_TELEMETRY_OPTOUT", "1")
            .Set("POWERSHELL_UPDATECHECK", "Off");
        Directory.CreateDirectory(script.Folder.Combine("out"));
        File.WriteAllText(script.Folder.Combine("out", "DataverseRelationship_1_0_0_1_managed.zip"), "zip");
        File.WriteAllText(script.Folder.Combine("plugin.dll"), "dll");
        return script;
    }

    private static void AssertSameDryRun(string name, string[] bashArgs, string[] powerShellArgs, bool withPac = false)
    {
        string pwsh = ExternalProgram.PowerShell.Require();
        using PacScript twin = Twin(withPac);
        if (name == "pack")
        {
            _ = new SolutionSourceFixture(twin.Folder.Combine("src"));
        }
        string[] resolved = Array.ConvertAll(bashArgs, a => a.Replace("{folder}", twin.Folder.Path, StringComparison.Ordinal));
        string[] resolvedPs = Array.ConvertAll(powerShellArgs, a => a.Replace("{folder}", twin.Folder.Path, StringComparison.Ordinal));

        ScriptRun bash = twin.Run(name + ".sh", [.. resolved, "--dry-run"]);
        ScriptRun powershell = twin.RunPowerShell(pwsh, name + ".ps1", [.. resolvedPs, "-DryRun"]);

        Assert.True(bash.ExitCode == 0, "bash: " + bash);
        Assert.True(powershell.ExitCode == 0, "pwsh: " + powershell);
        Assert.Equal(FromRepositoryRoot(bash.Output), FromRepositoryRoot(powershell.Output));
        Assert.NotEmpty(bash.Lines);
    }

    /// <summary>
    /// The bash scripts cd to the repository and name its projects relative to it; the PowerShell twins never change
    /// the caller's location and name them absolutely. Both mean the same file.
    /// </summary>
    private static string FromRepositoryRoot(string output) =>
        output.ReplaceLineEndings("\n").Replace(Repository.Root + "/", string.Empty, StringComparison.Ordinal);

    [SkippableFact]
    public void Auth_prints_the_same_service_principal_login_in_both_shells() =>
        AssertSameDryRun("auth", [], []);

    [SkippableFact]
    public void Check_prints_the_same_solution_checker_run_in_both_shells() =>
        AssertSameDryRun("check", ["--zip", "{folder}/out/DataverseRelationship_1_0_0_1_managed.zip", "--out", "{folder}/out"],
            ["-Zip", "{folder}/out/DataverseRelationship_1_0_0_1_managed.zip", "-Out", "{folder}/out"]);

    [SkippableFact]
    public void Create_settings_prints_the_same_pac_command_in_both_shells() =>
        AssertSameDryRun("create-settings", ["--zip", "{folder}/out/DataverseRelationship_1_0_0_1_managed.zip", "--settings-file", "{folder}/out/settings.json"],
            ["-Zip", "{folder}/out/DataverseRelationship_1_0_0_1_managed.zip", "-SettingsFile", "{folder}/out/settings.json"]);

    [SkippableFact]
    public void Plugin_push_prints_the_same_build_and_push_in_both_shells() =>
        AssertSameDryRun("plugin-push", ["--plugin-id", PluginId, "--plugin-file", "{folder}/plugin.dll"],
            ["-PluginId", PluginId, "-PluginFile", "{folder}/plugin.dll"]);

    [SkippableTheory]
    [InlineData("Unmanaged")]
    [InlineData("Managed")]
    [InlineData("Both")]
    public void Pack_with_pac_prints_the_same_pac_solution_pack_in_both_shells(string type) =>
        AssertSameDryRun("pack", ["--type", type, "--source", "{folder}/src", "--out", "{folder}/out", "--assembly", "{folder}/plugin.dll"],
            ["-Type", type, "-Source", "{folder}/src", "-Out", "{folder}/out", "-Assembly", "{folder}/plugin.dll"], withPac: true);

    [SkippableFact]
    public void Bump_version_prints_the_same_version_command_in_both_shells()
    {
        string solutionXml = Path.Combine(Repository.SolutionSource, "Other", "Solution.xml");
        AssertSameDryRun("bump-version", ["--build-number", "42", "--source", Path.GetDirectoryName(Path.GetDirectoryName(solutionXml))!],
            ["-BuildNumber", "42", "-Source", Path.GetDirectoryName(Path.GetDirectoryName(solutionXml))!]);
    }

    [SkippableFact]
    public void A_plugin_id_that_is_not_a_guid_stops_both_twins_with_exit_code_1()
    {
        string pwsh = ExternalProgram.PowerShell.Require();
        using PacScript twin = Twin();

        ScriptRun bash = twin.Run("plugin-push.sh", "--plugin-id", "not-a-guid", "--no-build", "--dry-run");
        ScriptRun powershell = twin.RunPowerShell(pwsh, "plugin-push.ps1", "-PluginId", "not-a-guid", "-NoBuild", "-DryRun");

        Assert.Equal((1, 1), (bash.ExitCode, powershell.ExitCode));
        Assert.Contains("not-a-guid", bash.Error, StringComparison.Ordinal);
        Assert.Contains("not-a-guid", powershell.Error, StringComparison.Ordinal);
    }
}
