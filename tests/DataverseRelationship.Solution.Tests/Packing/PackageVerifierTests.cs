using System;
using System.IO;
using System.IO.Compression;
using DataverseRelationship.SolutionPackager.Packing;

namespace DataverseRelationship.Solution.Tests.Packing;

public sealed class PackageVerifierTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private string Pack(string assembly, bool testPackage)
    {
        var source = new SolutionSourceFixture(folder.Combine("src-" + Guid.NewGuid().ToString("N")), PluginAssemblyInspector.Inspect(assembly).PublicKeyToken);
        return SolutionPacker.Pack(new PackRequest(source.Root, [assembly], folder.Combine("out"), PackageType.Managed, testPackage)).Zips[0].Path;
    }

    private string Official() => EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins", [EmittedAssembly.OfficialXrmSdk],
        EmittedAssembly.NetFramework462, Signing.StrongName);

    [Fact]
    public void A_zip_packed_with_an_official_build_may_be_imported()
    {
        Assert.Empty(PackageVerifier.ImportProblems(Pack(Official(), testPackage: false)));
    }

    [Fact]
    public void A_test_package_may_not_be_imported_even_renamed()
    {
        var zip = Pack(Repository.StandInPluginAssembly, testPackage: true);
        var renamed = folder.Combine("DataverseRelationship_1.2.3.4_managed.zip");
        File.Move(zip, renamed);

        var problems = PackageVerifier.ImportProblems(renamed);

        Assert.Contains(problems, p => p.Contains("TEST PACKAGE", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("PluginAssemblies/", StringComparison.Ordinal)
            && p.Contains("Microsoft.Xrm.Sdk, Version=9.0.0.0", StringComparison.Ordinal));
    }

    [Fact]
    public void A_test_package_is_refused_by_its_name_too()
    {
        var problems = PackageVerifier.ImportProblems(Pack(Repository.StandInPluginAssembly, testPackage: true));

        Assert.Contains(problems, p => p.Contains("TEST-DO-NOT-IMPORT", StringComparison.Ordinal));
    }

    [Fact]
    public void A_zip_with_an_unsigned_plugin_assembly_put_in_by_hand_may_not_be_imported()
    {
        var zip = Pack(Official(), testPackage: false);
        var unsigned = EmittedAssembly.Write(Directory.CreateDirectory(folder.Combine("unsigned")).FullName, "DataverseRelationship.Plugins",
            [EmittedAssembly.OfficialXrmSdk], EmittedAssembly.NetFramework462, Signing.None);
        using (var archive = ZipFile.Open(zip, ZipArchiveMode.Update))
        {
            var name = $"PluginAssemblies/{SolutionSourceFixture.AssemblyFolder}/DataverseRelationship.Plugins.dll";
            archive.GetEntry(name)!.Delete();
            archive.CreateEntryFromFile(unsigned, name);
        }

        Assert.Contains("not strong-name signed", Assert.Single(PackageVerifier.ImportProblems(zip)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_a_solution_zip_is_a_packing_error()
    {
        var path = folder.Combine("solution.zip");
        File.WriteAllText(path, "not a zip");

        var error = Assert.Throws<PackingException>(() => PackageVerifier.ImportProblems(path));

        Assert.Contains("solution.zip", error.Message, StringComparison.Ordinal);
    }
}
