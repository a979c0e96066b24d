using System;
using System.IO;
using System.Linq;
using DataverseRelationship.SolutionPackager;

namespace DataverseRelationship.Solution.Tests.Packing;

public sealed class PackCommandTests : IDisposable
{
    private readonly TemporaryFolder folder = new();
    private readonly StringWriter output = new();
    private readonly StringWriter error = new();

    public void Dispose()
    {
        folder.Dispose();
        output.Dispose();
        error.Dispose();
    }

    private int Run(params string[] args) => Program.Run(args, output, error);

    private string Source() => new SolutionSourceFixture(folder.Combine("src")).Root;

    [Fact]
    public void Pack_with_test_package_writes_both_zips_and_exits_0()
    {
        var exit = Run("pack", "--source", Source(), "--assembly", Repository.StandInPluginAssembly, "--out", folder.Combine("out"), "--test-package");

        Assert.Equal(0, exit);
        Assert.Equal(2, Directory.EnumerateFiles(folder.Combine("out"), "*TEST-DO-NOT-IMPORT*.zip").Count());
        Assert.Contains("DO NOT IMPORT", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("NOT deployable", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_refuses_a_stand_in_build_with_exit_code_1()
    {
        var exit = Run("pack", "--source", Source(), "--assembly", Repository.StandInPluginAssembly, "--out", folder.Combine("out"), "--type", "Managed");

        Assert.Equal(Program.Failure, exit);
        Assert.Contains("refusing", error.ToString(), StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder.Combine("out")) && Directory.EnumerateFiles(folder.Combine("out")).Any());
    }

    [Theory]
    [InlineData("--source")]
    [InlineData("--assembly")]
    [InlineData("--out")]
    public void Pack_without_a_required_option_exits_2_naming_it(string missing)
    {
        string[] all = ["--source", Source(), "--assembly", Repository.StandInPluginAssembly, "--out", folder.Combine("out")];
        var args = new[] { "pack" }.Concat(all.Chunk(2).Where(pair => pair[0] != missing).SelectMany(pair => pair)).ToArray();

        Assert.Equal(Program.BadInput, Run(args));
        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_with_a_source_folder_that_does_not_exist_exits_2()
    {
        var exit = Run("pack", "--source", folder.Combine("nowhere"), "--assembly", Repository.StandInPluginAssembly, "--out", folder.Combine("out"));

        Assert.Equal(Program.BadInput, exit);
        Assert.Contains("--source: folder", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Pack_with_an_assembly_that_does_not_exist_exits_2()
    {
        var exit = Run("pack", "--source", Source(), "--assembly", folder.Combine("missing.dll"), "--out", folder.Combine("out"));

        Assert.Equal(Program.BadInput, exit);
        Assert.Contains("missing.dll", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Solution")]
    [InlineData("1")]
    public void Pack_with_an_unknown_package_type_exits_2(string type)
    {
        var exit = Run("pack", "--source", Source(), "--assembly", Repository.StandInPluginAssembly, "--out", folder.Combine("out"), "--type", type);

        Assert.Equal(Program.BadInput, exit);
        Assert.Contains("--type", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("publish")]
    [InlineData("pack", "--zip", "x")]
    public void An_unknown_command_or_option_exits_2(params string[] args)
    {
        Assert.Equal(Program.BadInput, Run(args));
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void No_arguments_prints_usage_and_exits_2()
    {
        Assert.Equal(Program.BadInput, Run());
        Assert.Contains("usage:", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Verify_assembly_accepts_an_official_sdk_build_and_refuses_a_stand_in_build()
    {
        var official = EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins", [EmittedAssembly.OfficialXrmSdk],
            EmittedAssembly.NetFramework462, Signing.StrongName);

        Assert.Equal(0, Run("verify-assembly", "--assembly", official));
        Assert.Contains("deployable", output.ToString(), StringComparison.Ordinal);
        Assert.Equal(Program.Failure, Run("verify-assembly", "--assembly", Repository.StandInPluginAssembly));
        Assert.Contains("refusing", error.ToString(), StringComparison.Ordinal);
        Assert.Equal(0, Run("verify-assembly", "--assembly", Repository.StandInPluginAssembly, "--test-package"));
    }

    [Fact]
    public void Validate_exits_by_the_validator_findings_on_the_repository_solution()
    {
        var findings = DataverseRelationship.SolutionPackager.Source.SolutionValidator.Validate(Repository.SolutionSource, code: null);

        var exit = Run("validate", "--source", Repository.SolutionSource);

        Assert.Equal(findings.Count == 0 ? 0 : Program.Failure, exit);
        Assert.All(findings, f => Assert.Contains(f.ToString(), error.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_without_a_source_folder_exits_2()
    {
        Assert.Equal(Program.BadInput, Run("validate", "--source", folder.Combine("nowhere")));
        Assert.Contains("--source", error.ToString(), StringComparison.Ordinal);
    }
}
