using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using DataverseRelationship.SolutionPackager.Packing;

namespace DataverseRelationship.Solution.Tests.Packing;

/// <summary>Packs the repository's own solution/src (as a test package, since only the stand-in build exists here).</summary>
public sealed class RealSolutionPackingTests : IDisposable
{
    private readonly TemporaryFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void The_repository_solution_packs_with_every_component_of_its_source_in_both_zips()
    {
        var source = Repository.SolutionSource;
        Assert.True(File.Exists(Path.Combine(source, "Other", "Solution.xml")), $"{source} holds no unpacked solution");

        var result = SolutionPacker.Pack(new PackRequest(source, [Repository.StandInPluginAssembly], folder.Path, PackageType.Both, TestPackage: true));

        Assert.Equal(2, result.Zips.Count);
        foreach (var packed in result.Zips)
        {
            Assert.Contains(PackRequest.TestFileNameMarker, Path.GetFileName(packed.Path), StringComparison.Ordinal);
            var zip = new UnpackedZip(packed.Path);
            Assert.Equal(packed.Managed ? "1" : "0", zip.Manifest.Element("Managed")!.Value);
            AssertEveryComponentPresent(source, zip);
        }
    }

    [Fact]
    public void A_managed_pack_of_the_repository_solution_names_every_form_as_reusing_its_unmanaged_XML()
    {
        // solution/src was not unpacked from a managed export: no form has a _managed.xml, so a managed pack from it
        // is pac's --useUnmanagedFileForMissingManaged, not Dataverse's managed export (pac-scripts/README.md).
        var source = Repository.SolutionSource;
        var forms = Directory.EnumerateFiles(Path.Combine(source, "Entities"), "*.xml", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(source, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => f.Contains("/FormXml/", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(forms);
        Assert.DoesNotContain(forms, f => f.EndsWith("_managed.xml", StringComparison.Ordinal));

        var result = SolutionPacker.Pack(new PackRequest(source, [Repository.StandInPluginAssembly], folder.Path, PackageType.Managed, TestPackage: true));

        var warning = Assert.Single(result.Warnings, w => w.Contains("have no _managed.xml", StringComparison.Ordinal));
        Assert.StartsWith($"{forms.Count} form(s) have no _managed.xml", warning, StringComparison.Ordinal);
        Assert.All(forms, f => Assert.Contains(f, warning, StringComparison.Ordinal));
    }

    private static void AssertEveryComponentPresent(string source, UnpackedZip zip)
    {
        var customizations = zip.Customizations;
        string Relative(string path) => Path.GetRelativePath(source, path).Replace(Path.DirectorySeparatorChar, '/');
        XElement Root(string path) => XDocument.Load(path).Root!;

        var relationships = customizations.Element("EntityRelationships")?.Elements("EntityRelationship").ToList() ?? [];
        Assert.All(relationships, r => Assert.True(r.HasElements, $"relationship {(string?)r.Attribute("Name")} has no definition"));
        Assert.Equal(relationships.Count, relationships.Select(r => (string?)r.Attribute("Name")).Distinct().Count());
        foreach (var file in Directory.Exists(Path.Combine(source, "Other", "Relationships"))
            ? Directory.EnumerateFiles(Path.Combine(source, "Other", "Relationships"), "*.xml") : [])
        {
            Assert.All(Root(file).Elements("EntityRelationship"), r => Assert.Contains((string?)r.Attribute("Name"), relationships.Select(m => (string?)m.Attribute("Name"))));
        }

        var entityNames = customizations.Element("Entities")?.Elements("Entity").Select(e => e.Element("Name")!.Value).ToHashSet() ?? [];
        foreach (var entity in Directory.EnumerateFiles(source, "Entity.xml", SearchOption.AllDirectories))
        {
            Assert.Contains(Root(entity).Element("Name")!.Value, entityNames);
        }
        Assert.All(Files("OptionSets", "*.xml"), f => Assert.Contains(
            (string?)Root(f).Attribute("Name"),
            customizations.Element("optionsets")!.Elements("optionset").Select(o => (string?)o.Attribute("Name"))));
        Assert.All(Files("SdkMessageProcessingSteps", "*.xml"), f => Assert.Contains(
            (string?)Root(f).Attribute("SdkMessageProcessingStepId"),
            customizations.Element("SdkMessageProcessingSteps")!.Elements().Select(s => (string?)s.Attribute("SdkMessageProcessingStepId"))));
        Assert.All(Files("Roles", "*.xml"), f => Assert.Contains(
            (string?)Root(f).Attribute("id"),
            customizations.Element("Roles")!.Elements("Role").Select(r => (string?)r.Attribute("id"))));
        Assert.All(Files("Workflows", "*.data.xml"), f =>
        {
            Assert.Contains((string?)Root(f).Attribute("WorkflowId"),
                customizations.Element("Workflows")!.Elements("Workflow").Select(w => (string?)w.Attribute("WorkflowId")));
            Assert.Contains(Relative(f)[..^".data.xml".Length], zip.Names);
        });
        Assert.All(Files("PluginAssemblies", "*.dll.data.xml"), f =>
        {
            var fileName = Root(f).Element("FileName")!.Value.TrimStart('/');
            Assert.Contains(fileName, zip.Names);
            Assert.Contains(fileName, customizations.Element("SolutionPluginAssemblies")!.Elements().Select(a => a.Element("FileName")!.Value.TrimStart('/')));
        });
        string[] merged = ["Other", "Entities", "OptionSets", "SdkMessageProcessingSteps", "Roles", "Workflows", "PluginAssemblies", "WebResources"];
        foreach (var component in Directory.EnumerateDirectories(source).Where(d => !merged.Contains(Path.GetFileName(d), StringComparer.OrdinalIgnoreCase)))
        {
            Assert.All(Directory.EnumerateFiles(component, "*", SearchOption.AllDirectories).Where(f => !f.EndsWith("_managed.xml", StringComparison.Ordinal)),
                f => Assert.Contains(Relative(f), zip.Names));
        }

        System.Collections.Generic.IEnumerable<string> Files(string folder, string pattern) =>
            Directory.Exists(Path.Combine(source, folder))
                ? Directory.EnumerateFiles(Path.Combine(source, folder), pattern, SearchOption.AllDirectories).Where(f => !f.EndsWith("_managed.xml", StringComparison.Ordinal))
                : [];
    }
}
