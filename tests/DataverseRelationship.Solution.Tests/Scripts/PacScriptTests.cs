using System;
using System.IO;
using System.Linq;
using DataverseRelationship.Solution.Tests.Packing;
using DataverseRelationship.Tests.Support;

namespace DataverseRelationship.Solution.Tests.Scripts;

public sealed class PacScriptTests
{
    private const string Url = "https://contoso.crm4.dynamics.com";
    private const string AppId = "5f1c2b3a-9d8e-4f7a-b6c5-d4e3f2a1b0c9";
    private const string Secret = "s3cr3t value/with+chars";
    private const string Tenant = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    private static string[] ScriptNames() =>
        Directory.EnumerateFiles(Repository.PacScripts, "*.sh").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<string> Scripts()
    {
        var data = new TheoryData<string>();
        foreach (var script in ScriptNames())
        {
            data.Add(script);
        }
        return data;
    }

    private static PacScript ServicePrincipal(bool withPac = false) =>
        new PacScript(withPac).Set("PAC_ENVIRONMENT_URL", Url).Set("PAC_APPLICATION_ID", AppId)
            .Set("PAC_CLIENT_SECRET", Secret).Set("PAC_TENANT_ID", Tenant);

    private static string Quoted(string value) => "'" + value + "'";

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_is_valid_bash(string script)
    {
        var run = Run(PacScript.Which("bash"), Repository.PacScripts, "-n", script);

        Assert.True(run.ExitCode == 0, run.ToString());
    }

    [Theory]
    [MemberData(nameof(Scripts))]
    public void Every_script_runs_in_strict_mode(string script)
    {
        var text = File.ReadAllText(Path.Combine(Repository.PacScripts, script));

        Assert.True(text.Contains("set -euo pipefail", StringComparison.Ordinal) || text.Contains("source=common.sh", StringComparison.Ordinal),
            $"{script} neither sets strict mode nor sources common.sh");
    }

    [SkippableFact]
    public void Every_script_passes_shellcheck()
    {
        var shellcheck = ExternalProgram.ShellCheck.Require();
        var scripts = ScriptNames();

        var run = Run(shellcheck, Repository.PacScripts, ["-x", "--severity=style", .. scripts]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("common.sh", scripts);
    }

    [Fact]
    public void Auth_dry_run_prints_the_service_principal_login_with_the_secret_masked()
    {
        using var pac = ServicePrincipal();

        var run = pac.Run("auth.sh", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [$"pac auth create --environment {Url} --applicationId {AppId} --clientSecret *** --tenant {Tenant}", "pac org who"],
            run.Lines);
        Assert.DoesNotContain("s3cr3t", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Auth_passes_the_real_secret_to_pac_but_never_echoes_it()
    {
        using var pac = ServicePrincipal(withPac: true);

        var run = pac.Run("auth.sh");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([$"auth create --environment {Url} --applicationId {AppId} --clientSecret {Secret} --tenant {Tenant}", "org who"], pac.PacCalls);
        Assert.Contains("--clientSecret ***", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", run.Output + run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("PAC_APPLICATION_ID")]
    [InlineData("PAC_CLIENT_SECRET")]
    [InlineData("PAC_TENANT_ID")]
    public void Auth_with_a_partial_service_principal_stops_naming_the_missing_variable(string missing)
    {
        using var pac = ServicePrincipal().Set(missing, "");

        var run = pac.Run("auth.sh", "--dry-run");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains($"environment variable {missing} is not set", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Auth_without_an_environment_url_stops_saying_what_to_set()
    {
        using var pac = new PacScript(withPac: true);

        var run = pac.Run("auth.sh");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("PAC_ENVIRONMENT_URL is not set", run.Error, StringComparison.Ordinal);
        Assert.Empty(pac.PacCalls);
    }

    [Fact]
    public void Auth_is_interactive_when_asked_and_refuses_to_guess_in_CI()
    {
        using var pac = new PacScript(withPac: false).Set("PAC_ENVIRONMENT_URL", Url);

        var interactive = pac.Run("auth.sh", "--interactive", "--dry-run");
        var ci = pac.Set("CI", "true").Run("auth.sh", "--dry-run");

        Assert.Equal([$"pac auth create --environment {Url}", "pac org who"], interactive.Lines);
        Assert.NotEqual(0, ci.ExitCode);
        Assert.Contains("PAC_APPLICATION_ID, PAC_CLIENT_SECRET and PAC_TENANT_ID", ci.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auth.sh")]
    [InlineData("bump-version.sh", "--build-number", "7")]
    [InlineData("check.sh")]
    [InlineData("create-settings.sh")]
    public void A_missing_pac_stops_with_how_to_install_it(string script, params string[] args)
    {
        using var pac = ServicePrincipal();
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));
        var outFolder = Directory.CreateDirectory(pac.Folder.Combine("out")).FullName;
        File.WriteAllText(Path.Combine(outFolder, "DataverseRelationship_1.2.3.4_managed.zip"), "zip");

        var run = pac.Run(script, [.. args, .. script == "auth.sh" ? Array.Empty<string>() : ["--source", source.Root], .. script is "check.sh" or "create-settings.sh" ? ["--out", outFolder] : Array.Empty<string>()]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("pac (the Power Platform CLI) is not on PATH", run.Error, StringComparison.Ordinal);
        Assert.Contains("dotnet tool install --global Microsoft.PowerApps.CLI.Tool", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Bump_version_sets_the_build_number_of_the_source_manifest()
    {
        using var pac = new PacScript(withPac: true);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));

        var dryRun = pac.Run("bump-version.sh", "--build-number", "42", "--source", source.Root, "--dry-run");
        var fromCi = pac.Set("GITHUB_RUN_NUMBER", "43").Run("bump-version.sh", "--source", source.Root);

        var manifest = Path.Combine(source.Root, "Other", "Solution.xml");
        Assert.Equal([$"pac solution version --buildversion 42 --solutionPath {manifest}"], dryRun.Lines);
        Assert.True(fromCi.ExitCode == 0, fromCi.ToString());
        Assert.Equal([$"solution version --buildversion 43 --solutionPath {manifest}"], pac.PacCalls);
    }

    [Theory]
    [InlineData("", "pass --build-number N or set BUILD_NUMBER")]
    [InlineData("12a", "must be a whole number")]
    public void Bump_version_without_a_valid_build_number_stops(string number, string message)
    {
        using var pac = new PacScript(withPac: true);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));

        var run = number.Length == 0
            ? pac.Run("bump-version.sh", "--source", source.Root)
            : pac.Run("bump-version.sh", "--build-number", number, "--source", source.Root);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(pac.PacCalls);
    }

    [Fact]
    public void Pack_without_pac_builds_against_the_official_sdk_and_uses_the_project_packer()
    {
        using var pac = new PacScript(withPac: false);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));
        var outFolder = pac.Folder.Combine("out");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "dotnet build src/DataverseRelationship.Plugins -c Release -f net462 -p:XrmSdk=Official",
                $"dotnet run --project src/DataverseRelationship.SolutionPackager -c Release -- pack --source {source.Root} --assembly {PluginAssembly} --out {outFolder} --type Both",
            ],
            run.Lines);
        Assert.Contains("pac is not on PATH: packing with the project's own packer", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(outFolder), "a dry run writes nothing");
    }

    [Theory]
    [InlineData("Both", "DataverseRelationship_1.2.3.4.zip")]
    [InlineData("Unmanaged", "DataverseRelationship_1.2.3.4.zip")]
    [InlineData("Managed", "DataverseRelationship_1.2.3.4_managed.zip")]
    public void Pack_with_pac_verifies_the_assembly_then_packs_with_the_build_mapped_in(string type, string zip)
    {
        using var pac = new PacScript(withPac: true);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));
        var outFolder = pac.Folder.Combine("out");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--type", type, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "dotnet build src/DataverseRelationship.Plugins -c Release -f net462 -p:XrmSdk=Official",
                $"dotnet run --project src/DataverseRelationship.SolutionPackager -c Release -- verify-assembly --assembly {PluginAssembly}",
                $"# {outFolder}/pack-map.xml maps PluginAssemblies/**/DataverseRelationship.Plugins.dll to {PluginAssembly}",
                $"pac solution pack --zipfile {outFolder}/{zip} --folder {source.Root} --packagetype {type} --map {outFolder}/pack-map.xml"
                    + (type == "Unmanaged" ? "" : " --useUnmanagedFileForMissingManaged"),
            ],
            run.Lines);
        Assert.Empty(pac.PacCalls);
        Assert.Equal(type != "Unmanaged", run.Error.Contains("the managed zip is packed from unmanaged source", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_package_is_built_against_the_stand_in_and_packed_by_the_project_packer_even_with_pac()
    {
        using var pac = new PacScript(withPac: true);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));
        var outFolder = pac.Folder.Combine("out");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--test-package", "--type", "Managed", "--dry-run");

        Assert.Equal(
            [
                "dotnet build src/DataverseRelationship.Plugins -c Release -f net462 -p:XrmSdk=StandIn",
                $"dotnet run --project src/DataverseRelationship.SolutionPackager -c Release -- pack --source {source.Root} --assembly {PluginAssembly} --out {outFolder} --type Managed --test-package",
            ],
            run.Lines);
    }

    [Theory]
    [InlineData("--type", "Solution", "--type 'Solution' must be Both, Unmanaged or Managed")]
    [InlineData("--source", "/nowhere", "/nowhere/Other/Solution.xml' does not exist")]
    [InlineData("--frobnicate", "", "unknown option --frobnicate")]
    public void Pack_with_bad_input_stops_with_a_message(string option, string value, string message)
    {
        using var pac = new PacScript(withPac: false);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));
        string[] args = option == "--source" ? [option, value] : ["--source", source.Root, .. value.Length == 0 ? [option] : new[] { option, value }];

        var run = pac.Run("pack.sh", [.. args, "--dry-run"]);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void Pack_of_a_prebuilt_stand_in_assembly_as_a_test_package_writes_both_test_zips()
    {
        using var pac = new PacScript(withPac: false, withDotnet: true).Set("PACKER_DLL", PackerDll);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));
        var outFolder = pac.Folder.Combine("out");

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--assembly", Repository.StandInPluginAssembly, "--test-package");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            ["DataverseRelationship_1.2.3.4_TEST-DO-NOT-IMPORT.zip", "DataverseRelationship_1.2.3.4_TEST-DO-NOT-IMPORT_managed.zip"],
            Directory.EnumerateFiles(outFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("1", new UnpackedZip(Path.Combine(outFolder, "DataverseRelationship_1.2.3.4_TEST-DO-NOT-IMPORT_managed.zip")).Manifest.Element("Managed")!.Value);
    }

    [Fact]
    public void Pack_with_pac_maps_the_verified_official_assembly_over_the_source_copy()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));
        var outFolder = pac.Folder.Combine("out");
        var assembly = EmittedAssembly.Write(Directory.CreateDirectory(pac.Folder.Combine("official")).FullName, "DataverseRelationship.Plugins",
            [EmittedAssembly.OfficialXrmSdk], EmittedAssembly.NetFramework462, Signing.StrongName);

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", outFolder, "--assembly", assembly);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("deployable: DataverseRelationship.Plugins", run.Output, StringComparison.Ordinal);
        Assert.Equal([$"solution pack --zipfile {outFolder}/DataverseRelationship_1.2.3.4.zip --folder {source.Root} --packagetype Both --map {outFolder}/pack-map.xml --useUnmanagedFileForMissingManaged"], pac.PacCalls);
        var map = System.Xml.Linq.XDocument.Load(Path.Combine(outFolder, "pack-map.xml")).Root!.Element("FileToFile")!;
        Assert.Equal("PluginAssemblies/**/DataverseRelationship.Plugins.dll", (string?)map.Attribute("map"));
        Assert.Equal(assembly, (string?)map.Attribute("to"));
    }

    [Fact]
    public void Pack_with_pac_refuses_a_stand_in_build_before_pac_runs()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));

        var run = pac.Run("pack.sh", "--source", source.Root, "--out", pac.Folder.Combine("out"), "--assembly", Repository.StandInPluginAssembly);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("refusing", run.Error, StringComparison.Ordinal);
        Assert.Empty(pac.PacCalls);
    }

    [Fact]
    public void Relative_paths_are_taken_from_the_callers_directory()
    {
        using var pac = new PacScript(withPac: false);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));

        var run = pac.Run("pack.sh", "--source", "src", "--out", "out", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"pack --source {source.Root} --assembly {PluginAssembly} --out {pac.Folder.Combine("out")} --type Both", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_runs_the_solution_checker_on_the_managed_zip()
    {
        using var pac = new PacScript(withPac: true);
        var (source, outFolder, zip) = Packed(pac);

        var dryRun = pac.Run("check.sh", "--source", source, "--out", outFolder, "--dry-run");
        var real = pac.Run("check.sh", "--source", source, "--out", outFolder);

        Assert.Equal([$"pac solution check --path {zip} --outputDirectory {outFolder}/checker"], dryRun.Lines);
        Assert.True(real.ExitCode == 0, real.ToString());
        Assert.Equal([$"solution check --path {zip} --outputDirectory {outFolder}/checker"], pac.PacCalls);
    }

    [Fact]
    public void Check_without_a_packed_zip_stops_saying_to_pack_first()
    {
        using var pac = new PacScript(withPac: true);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));

        var run = pac.Run("check.sh", "--source", source.Root, "--out", pac.Folder.Combine("out"), "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("DataverseRelationship_1.2.3.4_managed.zip' does not exist", run.Error, StringComparison.Ordinal);
        Assert.Contains("pac-scripts/pack.sh", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_settings_writes_the_deployment_settings_of_the_managed_zip()
    {
        using var pac = new PacScript(withPac: false);
        var (source, outFolder, zip) = Packed(pac);

        var run = pac.Run("create-settings.sh", "--source", source, "--out", outFolder, "--dry-run");

        Assert.Equal([$"pac solution create-settings --solution-zip {zip} --settings-file {outFolder}/deployment-settings.json"], run.Lines);
    }

    [Fact]
    public void Import_dry_run_verifies_the_zip_then_imports_it_with_plugins_activated_and_the_settings_file()
    {
        using var pac = new PacScript(withPac: true);
        var (source, outFolder, zip) = Packed(pac);
        var settings = Path.Combine(outFolder, "deployment-settings.json");
        File.WriteAllText(settings, "{}");

        var run = pac.Run("import.sh", "--source", source, "--out", outFolder, "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"dotnet run --project src/DataverseRelationship.SolutionPackager -c Release -- verify-package --zip {zip}",
                $"pac solution import --path {zip} --activate-plugins --publish-changes --async --settings-file {settings}",
            ],
            run.Lines);
        Assert.Empty(pac.PacCalls);
    }

    [Fact]
    public void Import_of_an_official_build_runs_pac_after_the_packer_verified_the_zip()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll);
        var (zip, settings) = DeployableZip(pac, testPackage: false);

        var run = pac.Run("import.sh", "--zip", zip, "--settings-file", settings, "--stage-and-upgrade");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("importable: " + zip, run.Output, StringComparison.Ordinal);
        Assert.Equal([$"solution import --path {zip} --activate-plugins --publish-changes --async --settings-file {settings} --stage-and-upgrade"], pac.PacCalls);
    }

    [Fact]
    public void Import_refuses_a_renamed_test_package_because_of_what_is_inside()
    {
        using var pac = new PacScript(withPac: true, withDotnet: true).Set("PACKER_DLL", PackerDll);
        var (testZip, settings) = DeployableZip(pac, testPackage: true);
        var renamed = pac.Folder.Combine("DataverseRelationship_1.2.3.4_managed.zip");
        File.Move(testZip, renamed);

        var run = pac.Run("import.sh", "--zip", renamed, "--settings-file", settings);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("must not be imported", run.Error, StringComparison.Ordinal);
        Assert.Contains("TEST PACKAGE", run.Error, StringComparison.Ordinal);
        Assert.Empty(pac.PacCalls);
    }

    [Fact]
    public void Import_without_a_settings_file_stops_saying_how_to_create_it()
    {
        using var pac = new PacScript(withPac: true);
        var (source, outFolder, _) = Packed(pac);

        var run = pac.Run("import.sh", "--source", source, "--out", outFolder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("deployment-settings.json' does not exist", run.Error, StringComparison.Ordinal);
        Assert.Contains("create-settings.sh", run.Error, StringComparison.Ordinal);
        Assert.Empty(pac.PacCalls);
    }

    [Fact]
    public void Import_refuses_a_test_package()
    {
        using var pac = new PacScript(withPac: true);
        var zip = pac.Folder.Combine("DataverseRelationship_1.2.3.4_TEST-DO-NOT-IMPORT_managed.zip");
        File.WriteAllText(zip, "zip");
        var settings = pac.Folder.Combine("settings.json");
        File.WriteAllText(settings, "{}");

        var run = pac.Run("import.sh", "--zip", zip, "--settings-file", settings);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("must never be imported", run.Error, StringComparison.Ordinal);
        Assert.Empty(pac.PacCalls);
    }

    [Fact]
    public void Plugin_push_builds_against_the_official_sdk_verifies_and_pushes()
    {
        using var pac = new PacScript(withPac: false).Set("PAC_PLUGIN_ID", AppId);

        var run = pac.Run("plugin-push.sh", "--dry-run");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                "dotnet build src/DataverseRelationship.Plugins -c Release -f net462 -p:XrmSdk=Official",
                $"dotnet run --project src/DataverseRelationship.SolutionPackager -c Release -- verify-assembly --assembly {PluginAssembly}",
                $"pac plugin push --pluginId {AppId} --pluginFile {PluginAssembly}",
            ],
            run.Lines);
    }

    [Theory]
    [InlineData("", "pass --plugin-id GUID or set PAC_PLUGIN_ID")]
    [InlineData("not-a-guid", "is not a GUID")]
    public void Plugin_push_without_a_valid_plugin_id_stops(string id, string message)
    {
        using var pac = new PacScript(withPac: true);

        var run = id.Length == 0 ? pac.Run("plugin-push.sh", "--dry-run") : pac.Run("plugin-push.sh", "--plugin-id", id, "--dry-run");

        Assert.Equal(1, run.ExitCode);
        Assert.Contains(message, run.Error, StringComparison.Ordinal);
    }

    private static string PackerDll => typeof(DataverseRelationship.SolutionPackager.Program).Assembly.Location;

    /// <summary>A real managed zip: an official-shaped signed assembly, or for a test package the stand-in build.</summary>
    private static (string Zip, string Settings) DeployableZip(PacScript pac, bool testPackage)
    {
        var assembly = testPackage
            ? Repository.StandInPluginAssembly
            : EmittedAssembly.Write(Directory.CreateDirectory(pac.Folder.Combine("official")).FullName, "DataverseRelationship.Plugins",
                [EmittedAssembly.OfficialXrmSdk], EmittedAssembly.NetFramework462, Signing.StrongName);
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"),
            DataverseRelationship.SolutionPackager.Packing.PluginAssemblyInspector.Inspect(assembly).PublicKeyToken);
        var result = DataverseRelationship.SolutionPackager.Packing.SolutionPacker.Pack(new DataverseRelationship.SolutionPackager.Packing.PackRequest(
            source.Root, [assembly], pac.Folder.Combine("out"), DataverseRelationship.SolutionPackager.Packing.PackageType.Managed, testPackage));
        var settings = pac.Folder.Combine("settings.json");
        File.WriteAllText(settings, "{}");
        return (result.Zips[0].Path, settings);
    }

    private static string PluginAssembly =>
        Path.Combine(Repository.Root, "src", "DataverseRelationship.Plugins", "bin", "Release", "net462", "DataverseRelationship.Plugins.dll");

    private static (string Source, string Out, string Zip) Packed(PacScript pac)
    {
        var source = new SolutionSourceFixture(pac.Folder.Combine("src"));
        var outFolder = Directory.CreateDirectory(pac.Folder.Combine("out")).FullName;
        var zip = Path.Combine(outFolder, "DataverseRelationship_1.2.3.4_managed.zip");
        File.WriteAllText(zip, "zip");
        return (source.Root, outFolder, zip);
    }

    private static ScriptRun Run(string executable, string workingDirectory, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return new ScriptRun(process.ExitCode, output.Result, error.Result);
    }
}
