using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DataverseRelationship.Solution.Tests.Packing;
using DataverseRelationship.SolutionPackager.Packing;

namespace DataverseRelationship.Solution.Tests.Schemas;

/// <summary>The packed customizations.xml against CustomizationsSolution.xsd's rules (restated in Schemas/).</summary>
public sealed class PackedCustomizationsSchemaTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_packed_unmanaged_and_managed_customizations_break_no_schema_rule_that_real_exports_keep()
    {
        var result = SolutionPacker.Pack(new PackRequest(Repository.SolutionSource, [Repository.StandInPluginAssembly], folder.Path, PackageType.Both, TestPackage: true));

        Assert.Equal(2, result.Zips.Count);
        foreach (var packed in result.Zips)
        {
            var (copy, shared) = CustomizationsSchema.WithoutSharedConstructs(new UnpackedZip(packed.Path).Xml("customizations.xml"));
            var ours = CustomizationsSchema.Errors(copy);
            Assert.True(ours.Count == 0,
                $"{Path.GetFileName(packed.Path)}: {ours.Count} schema error(s) no real export shares:\n{string.Join("\n", ours)}\n"
                + $"(taken out as shared with a real export: {string.Join("; ", shared)})");
        }
    }

    [Theory]
    [InlineData("<OptionSetType>bit</OptionSetType>", "<OptionSetType>bool</OptionSetType>", "OptionSetType")]
    [InlineData("<EntityName>account</EntityName>", "", "FieldPermission")]
    public void A_broken_customizations_file_is_reported_by_the_schema(string find, string replace, string named)
    {
        var result = SolutionPacker.Pack(new PackRequest(Repository.SolutionSource, [Repository.StandInPluginAssembly], folder.Path, PackageType.Unmanaged, TestPackage: true));
        var text = new UnpackedZip(result.Zips.Single().Path).Xml("customizations.xml").ToString();
        Assert.Contains(find, text, StringComparison.Ordinal);
        var broken = XDocument.Parse(ReplaceFirst(text, find, replace));

        var ours = CustomizationsSchema.Errors(CustomizationsSchema.WithoutSharedConstructs(broken).Copy);

        Assert.Contains(ours, e => e.Contains(named, StringComparison.Ordinal));
    }

    [Fact]
    public void A_step_image_id_after_its_columns_breaks_the_image_sequence()
    {
        var result = SolutionPacker.Pack(new PackRequest(Repository.SolutionSource, [Repository.StandInPluginAssembly], folder.Path, PackageType.Unmanaged, TestPackage: true));
        var document = new UnpackedZip(result.Zips.Single().Path).Xml("customizations.xml");
        var image = document.Descendants("SdkMessageProcessingStepImage").First();
        var id = image.Element("SdkMessageProcessingStepImageId")!;
        id.Remove();
        image.Add(id);

        var ours = CustomizationsSchema.Errors(CustomizationsSchema.WithoutSharedConstructs(document).Copy);

        Assert.Contains(ours, e => e.Contains("'SdkMessageProcessingStepImage' has invalid child element 'SdkMessageProcessingStepImageId'", StringComparison.Ordinal));
    }

    private static string ReplaceFirst(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        return text[..at] + replace + text[(at + find.Length)..];
    }
}
