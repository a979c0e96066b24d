using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DataverseRelationship.SolutionPackager.Packing;

namespace DataverseRelationship.Solution.Tests.Packing;

public sealed class SolutionPackerTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    private SolutionSourceFixture Source(string token = SolutionSourceFixture.AssemblyToken) => new(folder.Combine("src"), token);

    private string Out => folder.Combine("out");

    private PackResult PackTest(SolutionSourceFixture source, PackageType type = PackageType.Both) =>
        SolutionPacker.Pack(new PackRequest(source.Root, [Repository.StandInPluginAssembly], Out, type, TestPackage: true));

    private string OfficialShapedAssembly() =>
        EmittedAssembly.Write(Directory.CreateDirectory(folder.Combine("official")).FullName, "DataverseRelationship.Plugins",
            [EmittedAssembly.OfficialXrmSdk], EmittedAssembly.NetFramework462, Signing.StrongName);

    [Fact]
    public void A_stand_in_build_is_refused_for_a_deployable_package_and_nothing_is_written()
    {
        var source = Source();

        var error = Assert.Throws<PackingException>(() => SolutionPacker.Pack(
            new PackRequest(source.Root, [Repository.StandInPluginAssembly], Out, PackageType.Both, TestPackage: false)));

        Assert.Contains("refusing", error.Message, StringComparison.Ordinal);
        Assert.Contains("Microsoft.Xrm.Sdk, Version=9.0.0.0, Culture=neutral, PublicKeyToken=31bf3856ad364e35", error.Message, StringComparison.Ordinal);
        Assert.Contains("--test-package", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Out) && Directory.EnumerateFiles(Out).Any());
    }

    [Fact]
    public void A_test_package_is_named_and_described_as_not_to_be_imported()
    {
        var result = PackTest(Source());

        Assert.Equal(
            ["DataverseRelationship_1.2.3.4_TEST-DO-NOT-IMPORT.zip", "DataverseRelationship_1.2.3.4_TEST-DO-NOT-IMPORT_managed.zip"],
            result.Zips.Select(z => Path.GetFileName(z.Path)));
        foreach (var zip in result.Zips)
        {
            var description = (string)new UnpackedZip(zip.Path).Manifest.Element("Descriptions")!.Element("Description")!.Attribute("description")!;
            Assert.StartsWith("TEST PACKAGE built against the offline SDK stand-in — DO NOT IMPORT", description, StringComparison.Ordinal);
            Assert.EndsWith("Tiered customer relationships.", description, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_managed_zip_says_Managed_1_and_the_unmanaged_zip_says_Managed_0()
    {
        var result = PackTest(Source());

        var unmanaged = new UnpackedZip(result.Zips.Single(z => !z.Managed).Path);
        var managed = new UnpackedZip(result.Zips.Single(z => z.Managed).Path);
        Assert.Equal("0", unmanaged.Manifest.Element("Managed")!.Value);
        Assert.Equal("1", managed.Manifest.Element("Managed")!.Value);
    }

    [Theory]
    [InlineData(PackageType.Unmanaged, "DataverseRelationship_1.2.3.4_TEST-DO-NOT-IMPORT.zip")]
    [InlineData(PackageType.Managed, "DataverseRelationship_1.2.3.4_TEST-DO-NOT-IMPORT_managed.zip")]
    public void A_single_package_type_writes_only_its_zip(PackageType type, string expected)
    {
        var result = PackTest(Source(), type);

        Assert.Equal(expected, Path.GetFileName(Assert.Single(result.Zips).Path));
        Assert.Equal([expected], Directory.EnumerateFiles(Out).Select(Path.GetFileName));
    }

    [Fact]
    public void The_zip_has_the_pac_layout_with_manifests_first_and_the_file_components()
    {
        var zip = new UnpackedZip(PackTest(Source(), PackageType.Managed).Zips[0].Path);

        Assert.Equal(["[Content_Types].xml", "solution.xml", "customizations.xml"], zip.Names.Take(3));
        Assert.Equal(SolutionSourceFixture.FileComponents.Order(StringComparer.Ordinal), zip.Names.Skip(3).Order(StringComparer.Ordinal));
        XNamespace types = "http://schemas.openxmlformats.org/package/2006/content-types";
        var extensions = zip.Xml("[Content_Types].xml").Root!.Elements(types + "Default").Select(d => (string)d.Attribute("Extension")!);
        Assert.Equal(["dll", "json", "xml"], extensions);
    }

    [Fact]
    public void Every_component_of_the_source_is_merged_into_customizations_xml()
    {
        var customizations = new UnpackedZip(PackTest(Source(), PackageType.Managed).Zips[0].Path).Customizations;

        Assert.Equal(["Account", "dvr_tierchange"], customizations.Element("Entities")!.Elements("Entity").Select(e => e.Element("Name")!.Value));
        var tierChange = customizations.Element("Entities")!.Elements("Entity").Single(e => e.Element("Name")!.Value == "dvr_tierchange");
        Assert.Equal(["Name", "EntityInfo", "FormXml", "SavedQueries", "RibbonDiffXml"], tierChange.Elements().Select(e => e.Name.LocalName));
        var forms = tierChange.Element("FormXml")!.Element("forms")!;
        Assert.Equal("main", (string?)forms.Attribute("type"));
        Assert.Equal(SolutionSourceFixture.FormId, forms.Element("systemform")!.Element("formid")!.Value);
        Assert.Equal(SolutionSourceFixture.ViewId, tierChange.Element("SavedQueries")!.Element("savedqueries")!.Element("savedquery")!.Element("savedqueryid")!.Value);
        Assert.Equal("dvr_relationshiptier", (string?)customizations.Element("optionsets")!.Element("optionset")!.Attribute("Name"));
        Assert.Equal("dvr_account_dvr_tierchange_account", (string?)customizations.Element("EntityRelationships")!.Element("EntityRelationship")!.Attribute("Name"));
        Assert.Equal($"/PluginAssemblies/{SolutionSourceFixture.AssemblyFolder}/DataverseRelationship.Plugins.dll",
            customizations.Element("SolutionPluginAssemblies")!.Element("PluginAssembly")!.Element("FileName")!.Value);
        Assert.Equal(SolutionSourceFixture.StepId,
            (string?)customizations.Element("SdkMessageProcessingSteps")!.Element("SdkMessageProcessingStep")!.Attribute("SdkMessageProcessingStepId"));
        Assert.Equal(SolutionSourceFixture.FlowId, (string?)customizations.Element("Workflows")!.Element("Workflow")!.Attribute("WorkflowId"));
        Assert.Equal("Relationship Manager", (string?)customizations.Element("Roles")!.Element("Role")!.Attribute("name"));
        Assert.Equal("dvr_sharedcommondataserviceforapps",
            (string?)customizations.Element("connectionreferences")!.Element("connectionreference")!.Attribute("connectionreferencelogicalname"));
        Assert.Equal("1033", customizations.Element("Languages")!.Element("Language")!.Value);
    }

    [Fact]
    public void Missing_sections_of_Customizations_xml_are_created_in_pac_order()
    {
        var source = Source();
        source.Write("Other/Customizations.xml", """
            <?xml version="1.0" encoding="utf-8"?>
            <ImportExportXml><Languages><Language>1033</Language></Languages></ImportExportXml>
            """);

        var customizations = new UnpackedZip(PackTest(source, PackageType.Unmanaged).Zips[0].Path).Customizations;

        Assert.Equal(
            ["Entities", "Roles", "Workflows", "EntityRelationships", "optionsets", "SolutionPluginAssemblies", "SdkMessageProcessingSteps", "Languages"],
            customizations.Elements().Select(e => e.Name.LocalName));
    }

    [Fact]
    public void The_mapped_assembly_replaces_the_copy_in_the_source()
    {
        var source = Source();
        var stale = source.Write($"PluginAssemblies/{SolutionSourceFixture.AssemblyFolder}/DataverseRelationship.Plugins.dll", "stale build");

        var zip = new UnpackedZip(PackTest(source, PackageType.Managed).Zips[0].Path);

        Assert.Equal(File.ReadAllBytes(Repository.StandInPluginAssembly),
            zip.Bytes($"PluginAssemblies/{SolutionSourceFixture.AssemblyFolder}/DataverseRelationship.Plugins.dll"));
        Assert.NotEqual(File.ReadAllBytes(stale).Length, zip.Bytes($"PluginAssemblies/{SolutionSourceFixture.AssemblyFolder}/DataverseRelationship.Plugins.dll").Length);
    }

    [Fact]
    public void An_assembly_built_against_the_official_sdk_is_packed_into_a_deployable_zip()
    {
        var assembly = OfficialShapedAssembly();
        var source = Source(PluginAssemblyInspector.Inspect(assembly).PublicKeyToken);

        var result = SolutionPacker.Pack(new PackRequest(source.Root, [assembly], Out, PackageType.Both, TestPackage: false));

        Assert.Equal(["DataverseRelationship_1.2.3.4.zip", "DataverseRelationship_1.2.3.4_managed.zip"], result.Zips.Select(z => Path.GetFileName(z.Path)));
        var managed = new UnpackedZip(result.Zips[1].Path);
        Assert.Equal(File.ReadAllBytes(assembly), managed.Bytes($"PluginAssemblies/{SolutionSourceFixture.AssemblyFolder}/DataverseRelationship.Plugins.dll"));
        Assert.Equal("Tiered customer relationships.", (string?)managed.Manifest.Element("Descriptions")!.Element("Description")!.Attribute("description"));
    }

    [Fact]
    public void An_assembly_whose_public_key_token_differs_from_the_registration_is_refused()
    {
        var assembly = OfficialShapedAssembly();

        var error = Assert.Throws<PackingException>(() => SolutionPacker.Pack(
            new PackRequest(Source().Root, [assembly], Out, PackageType.Both, TestPackage: false)));

        Assert.Contains("PublicKeyToken=06b801852a48a391", error.Message, StringComparison.Ordinal);
        Assert.Contains("DataverseRelationship.Plugins.dll.data.xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assembly_with_no_registration_in_the_source_is_refused()
    {
        var other = EmittedAssembly.Write(folder.Path, "Contoso.Plugins", [EmittedAssembly.OfficialXrmSdk], EmittedAssembly.NetFramework462, Signing.StrongName);

        var error = Assert.Throws<PackingException>(() => SolutionPacker.Pack(
            new PackRequest(Source().Root, [Repository.StandInPluginAssembly, other], Out, PackageType.Both, TestPackage: true)));

        Assert.Contains("Contoso.Plugins", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_assembly_that_is_neither_mapped_nor_in_the_source_is_an_error_naming_the_data_file()
    {
        var error = Assert.Throws<PackingException>(() => SolutionPacker.Pack(
            new PackRequest(Source().Root, [], Out, PackageType.Both, TestPackage: true)));

        Assert.Contains($"PluginAssemblies/{SolutionSourceFixture.AssemblyFolder}/DataverseRelationship.Plugins.dll.data.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains("--assembly", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Other/Solution.xml")]
    [InlineData("Other/Customizations.xml")]
    [InlineData("Entities/Account/Entity.xml")]
    [InlineData("Workflows/" + SolutionSourceFixture.FlowFile)]
    public void A_missing_source_file_is_an_error_naming_it(string relative)
    {
        var source = Source();
        source.Delete(relative);

        var error = Assert.Throws<PackingException>(() => PackTest(source));

        Assert.Contains(relative, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_belongs_to_no_component_is_an_error()
    {
        var source = Source();
        source.Write("Workflows/Orphan-00000000-0000-0000-0000-000000000001.json", "{}");

        var error = Assert.Throws<PackingException>(() => PackTest(source));

        Assert.Contains("Workflows/Orphan-00000000-0000-0000-0000-000000000001.json", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<Version>1.2.3.4</Version>", "<Version>1.2</Version>", "Version")]
    [InlineData("<UniqueName>DataverseRelationship</UniqueName>", "<UniqueName>Dataverse Relationship</UniqueName>", "UniqueName")]
    [InlineData("<Managed>2</Managed>", "<Managed>yes</Managed>", "Managed")]
    public void A_malformed_manifest_field_is_an_error_naming_the_field(string original, string broken, string field)
    {
        var source = Source();
        var path = Path.Combine(source.Root, "Other", "Solution.xml");
        File.WriteAllText(path, File.ReadAllText(path).Replace(original, broken, StringComparison.Ordinal));

        var error = Assert.Throws<PackingException>(() => PackTest(source));

        Assert.Contains("Other/Solution.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains(field, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_xml_is_an_error_naming_the_file()
    {
        var source = Source();
        source.Write("OptionSets/dvr_relationshiptier.xml", "<optionset Name=\"dvr_relationshiptier\">");

        var error = Assert.Throws<PackingException>(() => PackTest(source));

        Assert.Contains("OptionSets/dvr_relationshiptier.xml", error.Message, StringComparison.Ordinal);
        Assert.Contains("well-formed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_managed_variant_of_a_form_goes_into_the_managed_zip_only()
    {
        var source = Source();
        source.Write($"Entities/dvr_tierchange/FormXml/main/{SolutionSourceFixture.FormId}_managed.xml",
            $"<forms><systemform><formid>{SolutionSourceFixture.FormId}</formid><IsCustomizable>0</IsCustomizable><form /></systemform></forms>");

        var result = PackTest(source);

        XElement Form(PackedZip zip) => new UnpackedZip(zip.Path).Customizations.Element("Entities")!.Elements("Entity")
            .Single(e => e.Element("Name")!.Value == "dvr_tierchange").Element("FormXml")!.Element("forms")!.Element("systemform")!;
        Assert.Null(Form(result.Zips.Single(z => !z.Managed)).Element("IsCustomizable"));
        Assert.Equal("0", Form(result.Zips.Single(z => z.Managed)).Element("IsCustomizable")!.Value);
    }

    [Fact]
    public void Files_at_the_top_of_the_source_are_left_out_with_a_warning()
    {
        var source = Source();
        source.Write("README.md", "notes");

        var result = PackTest(source, PackageType.Managed);

        Assert.DoesNotContain("README.md", new UnpackedZip(result.Zips[0].Path).Names);
        Assert.Contains(result.Warnings, w => w.StartsWith("README.md: left out", StringComparison.Ordinal));
    }

    [Fact]
    public void Packing_managed_from_an_unmanaged_unpack_warns_that_pac_needs_Managed_2()
    {
        var source = Source();
        var path = Path.Combine(source.Root, "Other", "Solution.xml");
        File.WriteAllText(path, File.ReadAllText(path).Replace("<Managed>2</Managed>", "<Managed>0</Managed>", StringComparison.Ordinal));

        var unmanaged = PackTest(source, PackageType.Unmanaged);
        var managed = PackTest(source, PackageType.Managed);

        Assert.Empty(unmanaged.Warnings);
        Assert.Contains("Managed 2", Assert.Single(managed.Warnings, w => w.StartsWith("Other/Solution.xml", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Equal("1", new UnpackedZip(managed.Zips[0].Path).Manifest.Element("Managed")!.Value);
    }

    [Fact]
    public void A_managed_pack_names_the_forms_that_reuse_their_unmanaged_XML_and_says_to_export_managed_instead()
    {
        var source = Source();
        var form = $"Entities/dvr_tierchange/FormXml/main/{SolutionSourceFixture.FormId}.xml";

        var unmanaged = PackTest(source, PackageType.Unmanaged);
        var managed = PackTest(source, PackageType.Managed);

        Assert.DoesNotContain(unmanaged.Warnings, w => w.Contains("_managed.xml", StringComparison.Ordinal));
        var warning = Assert.Single(managed.Warnings, w => w.Contains("have no _managed.xml", StringComparison.Ordinal));
        Assert.StartsWith($"1 form(s) have no _managed.xml ({form})", warning, StringComparison.Ordinal);
        Assert.Contains("--useUnmanagedFileForMissingManaged", warning, StringComparison.Ordinal);
        Assert.Contains("export it managed", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_managed_pack_whose_forms_all_have_a_managed_variant_does_not_warn_of_reused_form_XML()
    {
        var source = Source();
        var form = $"Entities/dvr_tierchange/FormXml/main/{SolutionSourceFixture.FormId}";
        File.Copy(Path.Combine(source.Root, form + ".xml"), Path.Combine(source.Root, form + "_managed.xml"));

        var managed = PackTest(source, PackageType.Managed);

        Assert.DoesNotContain(managed.Warnings, w => w.Contains("have no _managed.xml", StringComparison.Ordinal));
    }

    private static string Relationships(params string[] relationships) =>
        "<EntityRelationships>" + string.Concat(relationships) + "</EntityRelationships>";

    private static string Defined(string name) =>
        $"<EntityRelationship Name=\"{name}\"><EntityRelationshipType>OneToMany</EntityRelationshipType></EntityRelationship>";

    [Fact]
    public void Names_in_the_relationship_index_are_replaced_by_their_definitions_as_pac_unpack_splits_them()
    {
        var source = Source();
        source.Write("Other/Relationships.xml", Relationships("<EntityRelationship Name=\"b\" />", "<EntityRelationship Name=\"a\" />"));
        source.Write("Other/Relationships/Account.xml", Relationships(Defined("a")));
        source.Write("Other/Relationships/dvr_tierchange.xml", Relationships(Defined("b"), Defined("c")));

        var relationships = new UnpackedZip(PackTest(source, PackageType.Managed).Zips[0].Path).Customizations
            .Element("EntityRelationships")!.Elements("EntityRelationship").ToList();

        Assert.Equal(["b", "a", "c"], relationships.Select(r => (string?)r.Attribute("Name")));
        Assert.All(relationships, r => Assert.Equal("OneToMany", r.Element("EntityRelationshipType")?.Value));
    }

    [Theory]
    [InlineData("<EntityRelationship Name=\"missing\" />", "", "relationship missing is listed but no Other/Relationships/*.xml defines it")]
    [InlineData("<EntityRelationship Name=\"a\" />", "<EntityRelationship Name=\"a\"><EntityRelationshipType>OneToMany</EntityRelationshipType></EntityRelationship><EntityRelationship Name=\"a\"><EntityRelationshipType>OneToMany</EntityRelationshipType></EntityRelationship>", "relationship a is also defined")]
    public void An_inconsistent_relationship_index_is_an_error(string index, string definitions, string message)
    {
        var source = Source();
        source.Write("Other/Relationships.xml", Relationships(index));
        source.Write("Other/Relationships/Account.xml", Relationships(definitions));

        var error = Assert.Throws<PackingException>(() => PackTest(source));

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_component_folder_the_packer_does_not_know_is_refused_rather_than_packed_wrongly()
    {
        var source = Source();
        source.Write("AppModules/dvr_relationships/AppModule.xml", "<AppModule />");

        var error = Assert.Throws<PackingException>(() => PackTest(source));

        Assert.StartsWith("AppModules/", error.Message, StringComparison.Ordinal);
        Assert.Contains("pac solution pack", error.Message, StringComparison.Ordinal);
    }
}
