using System;
using DataverseRelationship.SolutionPackager.Packing;

namespace DataverseRelationship.Solution.Tests.Packing;

public sealed class PluginAssemblyInspectionTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_stand_in_build_of_the_plugin_assembly_is_signed_net462_but_not_deployable()
    {
        var facts = PluginAssemblyInspector.Inspect(Repository.StandInPluginAssembly);

        Assert.Equal("DataverseRelationship.Plugins", facts.Name);
        Assert.Equal("06b801852a48a391", facts.PublicKeyToken);
        Assert.True(facts.StrongNameSigned);
        Assert.Equal(PluginAssemblyFacts.NetFramework462, facts.TargetFramework);
        Assert.False(facts.ReferencesOfficialXrmSdk);
        Assert.True(facts.ReferencesStandIn);
        Assert.Contains(facts.DeploymentProblems(), p => p.Contains("DataverseRelationship.XrmSdkStandIn", StringComparison.Ordinal));
        Assert.Contains(facts.DeploymentProblems(), p => p.Contains("Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35", StringComparison.Ordinal));
    }

    [Fact]
    public void An_assembly_referencing_the_official_sdk_signed_and_net462_is_deployable()
    {
        var path = EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins", [EmittedAssembly.OfficialXrmSdk],
            EmittedAssembly.NetFramework462, Signing.StrongName);

        var facts = PluginAssemblyInspector.Inspect(path);

        Assert.True(facts.ReferencesOfficialXrmSdk);
        Assert.False(facts.ReferencesStandIn);
        Assert.True(facts.StrongNameSigned);
        Assert.Equal(16, facts.PublicKeyToken.Length);
        Assert.Empty(facts.DeploymentProblems());
    }

    [Fact]
    public void A_reference_to_the_stand_in_is_refused_even_next_to_the_official_sdk()
    {
        var standIn = (PluginAssemblyFacts.StandInAssemblyName, new Version(1, 0, 0, 0), Convert.FromHexString("06b801852a48a391"));
        var path = EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins", [EmittedAssembly.OfficialXrmSdk, standIn],
            EmittedAssembly.NetFramework462, Signing.StrongName);

        var problem = Assert.Single(PluginAssemblyInspector.Inspect(path).DeploymentProblems());

        Assert.Contains("DataverseRelationship.XrmSdkStandIn", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Another_version_of_Microsoft_Xrm_Sdk_is_refused()
    {
        var path = EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins",
            [("Microsoft.Xrm.Sdk", new Version(8, 2, 0, 0), Convert.FromHexString("31bf3856ad364e35"))],
            EmittedAssembly.NetFramework462, Signing.StrongName);

        var problem = Assert.Single(PluginAssemblyInspector.Inspect(path).DeploymentProblems());

        Assert.Contains("Version=8.2.0.0", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_Microsoft_Xrm_Sdk_with_another_public_key_token_is_refused()
    {
        var path = EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins",
            [("Microsoft.Xrm.Sdk", new Version(9, 0, 0, 0), Convert.FromHexString("06b801852a48a391"))],
            EmittedAssembly.NetFramework462, Signing.StrongName);

        Assert.Contains("PublicKeyToken=06b801852a48a391", Assert.Single(PluginAssemblyInspector.Inspect(path).DeploymentProblems()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Signing.None)]
    [InlineData(Signing.PublicKeyOnly)]
    public void An_unsigned_or_only_public_signed_assembly_is_refused(Signing signing)
    {
        var path = EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins", [EmittedAssembly.OfficialXrmSdk],
            EmittedAssembly.NetFramework462, signing);

        var facts = PluginAssemblyInspector.Inspect(path);

        Assert.False(facts.StrongNameSigned);
        Assert.Contains("not strong-name signed", Assert.Single(facts.DeploymentProblems()), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(".NETFramework,Version=v4.8")]
    [InlineData(".NETStandard,Version=v2.0")]
    [InlineData(null)]
    public void An_assembly_that_does_not_target_net462_is_refused(string? targetFramework)
    {
        var path = EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins", [EmittedAssembly.OfficialXrmSdk],
            targetFramework, Signing.StrongName);

        Assert.Contains(".NETFramework,Version=v4.6.2", Assert.Single(PluginAssemblyInspector.Inspect(path).DeploymentProblems()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_is_not_an_assembly_is_a_packing_error_naming_the_file()
    {
        var path = folder.Combine("notes.dll");
        System.IO.File.WriteAllText(path, "not a portable executable");

        var error = Assert.Throws<PackingException>(() => PluginAssemblyInspector.Inspect(path));

        Assert.Contains("notes.dll", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_changed_after_signing_is_refused()
    {
        var path = EmittedAssembly.Write(folder.Path, "DataverseRelationship.Plugins", [EmittedAssembly.OfficialXrmSdk],
            EmittedAssembly.NetFramework462, Signing.StrongName);
        Assert.True(PluginAssemblyInspector.Inspect(path).StrongNameSigned);
        var bytes = System.IO.File.ReadAllBytes(path);
        var at = IndexOf(bytes, System.Text.Encoding.UTF8.GetBytes("IPlugin"));
        bytes[at] = (byte)'X';
        System.IO.File.WriteAllBytes(path, bytes);

        var facts = PluginAssemblyInspector.Inspect(path);

        Assert.False(facts.StrongNameSigned);
        Assert.Contains("signature does not verify", Assert.Single(facts.DeploymentProblems()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_signature_of_the_compiler_signed_stand_in_build_verifies_and_a_flipped_signature_byte_does_not()
    {
        var copy = folder.Combine("DataverseRelationship.Plugins.dll");
        System.IO.File.Copy(Repository.StandInPluginAssembly, copy);
        Assert.True(PluginAssemblyInspector.Inspect(copy).StrongNameSigned);

        using (var pe = new System.Reflection.PortableExecutable.PEReader(System.IO.File.OpenRead(Repository.StandInPluginAssembly)))
        {
            Assert.True(pe.PEHeaders.TryGetDirectoryOffset(pe.PEHeaders.CorHeader!.StrongNameSignatureDirectory, out var offset));
            var bytes = System.IO.File.ReadAllBytes(copy);
            bytes[offset + 5] ^= 0xFF;
            System.IO.File.WriteAllBytes(copy, bytes);
        }

        Assert.False(PluginAssemblyInspector.Inspect(copy).StrongNameSigned);
    }

    private static int IndexOf(byte[] haystack, byte[] needle)
    {
        for (var i = 0; i <= haystack.Length - needle.Length; i++)
        {
            if (haystack.AsSpan(i, needle.Length).SequenceEqual(needle))
            {
                return i;
            }
        }
        throw new InvalidOperationException("not found");
    }
}
