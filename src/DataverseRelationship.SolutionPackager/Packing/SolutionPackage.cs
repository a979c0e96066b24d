using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace DataverseRelationship.SolutionPackager.Packing;

/// <summary>One file of a solution zip: its entry name (forward slashes) and content.</summary>
public sealed record PackageEntry(string Name, byte[] Content);

/// <summary>A freshly built assembly mapped over the source's copy of it.</summary>
/// <param name="Path">The assembly file.</param>
/// <param name="Facts">What the inspector read from it.</param>
public sealed record MappedAssembly(string Path, PluginAssemblyFacts Facts);

/// <summary>
/// Builds the entries of a solution zip from an unpacked source folder the way pac solution pack does:
/// <c>[Content_Types].xml</c>, <c>solution.xml</c> (Other/Solution.xml with the Managed flag set), a
/// <c>customizations.xml</c> that merges Other/Customizations.xml with Other/Relationships.xml, Entities/*/Entity.xml
/// (with their FormXml and SavedQueries), OptionSets, PluginAssemblies/*/*.data.xml, SdkMessageProcessingSteps, the
/// Workflows' and WebResources' .data.xml and Roles; the files those metadata name (plugin .dll, flow .json, web
/// resource content); and the folder components pac keeps as folders in a zip too (customapis,
/// environmentvariabledefinitions, organizationsettings, CanvasApps), copied as they are. Any other folder is refused
/// rather than packed wrongly.
/// </summary>
public sealed class SolutionPackage
{
    private static readonly string[] SectionOrder =
    [
        "Entities", "Roles", "Workflows", "FieldSecurityProfiles", "Templates", "EntityMaps", "EntityRelationships",
        "OrganizationSettings", "optionsets", "WebResources", "CustomControls", "SolutionPluginAssemblies",
        "SdkMessageProcessingSteps", "EntityDataProviders", "connectionreferences", "Languages",
    ];

    private const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly Regex VersionPattern = new(@"^\d+\.\d+\.\d+\.\d+$", RegexOptions.CultureInvariant);
    private static readonly Regex FileNameSafe = new(@"^[A-Za-z0-9_]+$", RegexOptions.CultureInvariant);

    private readonly string root;
    private readonly bool managed;
    private readonly bool testPackage;
    private readonly IReadOnlyDictionary<string, MappedAssembly> assemblies;
    private readonly HashSet<string> consumed = new(StringComparer.Ordinal);
    private readonly HashSet<string> mappedUsed = new(StringComparer.OrdinalIgnoreCase);
    private readonly SortedDictionary<string, byte[]> files = new(StringComparer.Ordinal);
    private readonly List<string> warnings = [];
    private readonly List<string> formsWithoutManagedVariant = [];

    private SolutionPackage(string root, bool managed, bool testPackage, IReadOnlyDictionary<string, MappedAssembly> assemblies)
    {
        this.root = root;
        this.managed = managed;
        this.testPackage = testPackage;
        this.assemblies = assemblies;
    }

    /// <summary>The solution's unique name, from Other/Solution.xml.</summary>
    public string UniqueName { get; private set; } = "";

    /// <summary>The solution's version, from Other/Solution.xml.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The zip's entries, in the order they are written.</summary>
    public IReadOnlyList<PackageEntry> Entries { get; private set; } = [];

    /// <summary>What the pack left out or did differently from pac, for the user to read; empty when nothing.</summary>
    public IReadOnlyList<string> Warnings => warnings;

    /// <summary>Builds the zip entries of <paramref name="sourceFolder"/> as a managed or unmanaged package.</summary>
    /// <param name="sourceFolder">The unpacked solution.</param>
    /// <param name="managed">True for a managed package (<c>&lt;Managed&gt;1&lt;/Managed&gt;</c>).</param>
    /// <param name="testPackage">Prefix the solution description with <see cref="PackRequest.TestDescriptionPrefix"/>.</param>
    /// <param name="mappedAssemblies">Assemblies that replace the source's .dll of the same simple name.</param>
    /// <exception cref="PackingException">The source is incomplete or malformed; the message names the file.</exception>
    public static SolutionPackage Build(string sourceFolder, bool managed, bool testPackage, IReadOnlyList<MappedAssembly> mappedAssemblies)
    {
        ArgumentNullException.ThrowIfNull(sourceFolder);
        ArgumentNullException.ThrowIfNull(mappedAssemblies);
        if (!Directory.Exists(sourceFolder))
        {
            throw new PackingException($"source: folder '{sourceFolder}' does not exist");
        }
        var byName = new Dictionary<string, MappedAssembly>(StringComparer.OrdinalIgnoreCase);
        foreach (var assembly in mappedAssemblies)
        {
            if (!byName.TryAdd(assembly.Facts.Name, assembly))
            {
                throw new PackingException($"assembly: '{assembly.Facts.Name}' is given twice ('{byName[assembly.Facts.Name].Path}' and '{assembly.Path}')");
            }
        }
        var package = new SolutionPackage(Path.GetFullPath(sourceFolder), managed, testPackage, byName);
        package.Assemble();
        return package;
    }

    private void Assemble()
    {
        var solution = BuildSolutionXml();
        var customizations = Load("Other/Customizations.xml");
        var customizationsRoot = customizations.Root!;
        if (customizationsRoot.Name.LocalName != "ImportExportXml")
        {
            throw new PackingException($"Other/Customizations.xml: the root element is <{customizationsRoot.Name.LocalName}>, expected <ImportExportXml>");
        }

        if (customizationsRoot.Attribute(XNamespace.Xmlns + "xsi") is null)
        {
            customizationsRoot.SetAttributeValue(XNamespace.Xmlns + "xsi", XsiNamespace);
        }
        MergeRelationships(customizationsRoot);
        MergeFieldSecurityProfiles(customizationsRoot);
        foreach (var file in Directory.EnumerateFiles(root).OrderBy(f => f, StringComparer.Ordinal))
        {
            warnings.Add($"{Path.GetFileName(file)}: left out (files at the top of the source folder are not solution components)");
        }
        foreach (var folder in Directory.EnumerateDirectories(root).OrderBy(d => d, StringComparer.Ordinal))
        {
            var name = Path.GetFileName(folder);
            switch (name.ToUpperInvariant())
            {
                case "OTHER":
                    break;
                case "ENTITIES":
                    MergeEntities(customizationsRoot, name);
                    break;
                case "OPTIONSETS":
                    MergeEach(customizationsRoot, "optionsets", "optionset", name, "*.xml", SearchOption.TopDirectoryOnly);
                    break;
                case "ROLES":
                    MergeEach(customizationsRoot, "Roles", "Role", name, "*.xml", SearchOption.TopDirectoryOnly);
                    break;
                case "SDKMESSAGEPROCESSINGSTEPS":
                    MergeEach(customizationsRoot, "SdkMessageProcessingSteps", "SdkMessageProcessingStep", name, "*.xml", SearchOption.TopDirectoryOnly);
                    break;
                case "PLUGINASSEMBLIES":
                    MergePluginAssemblies(customizationsRoot, name);
                    break;
                case "WORKFLOWS":
                    MergeDataFiles(customizationsRoot, "Workflows", "Workflow", name, ["JsonFileName", "XamlFileName"]);
                    break;
                case "WEBRESOURCES":
                    MergeDataFiles(customizationsRoot, "WebResources", "WebResource", name, ["FileName"]);
                    break;
                case "CUSTOMAPIS" or "ENVIRONMENTVARIABLEDEFINITIONS" or "ORGANIZATIONSETTINGS" or "CANVASAPPS":
                    CopyFolder(name);
                    break;
                default:
                    throw new PackingException(
                        $"{name}/: a component folder this packer does not pack (it packs Other, Entities, OptionSets, Roles, "
                        + "SdkMessageProcessingSteps, PluginAssemblies, Workflows, WebResources, customapis, "
                        + "environmentvariabledefinitions, organizationsettings, CanvasApps); pack with pac solution pack");
            }
        }
        CheckOtherFolder();
        CheckEveryFileConsumed();
        WarnOfFormsWithoutManagedVariant();
        var unusedAssembly = assemblies.Keys.FirstOrDefault(k => !mappedUsed.Contains(k));
        if (unusedAssembly is not null)
        {
            throw new PackingException(
                $"assembly: '{assemblies[unusedAssembly].Path}' ({unusedAssembly}) matches no PluginAssemblies/<Name>-<GUID>/{unusedAssembly}.dll.data.xml in the source");
        }

        var entries = new List<PackageEntry>
        {
            new("solution.xml", Serialize(solution)),
            new("customizations.xml", Serialize(customizations)),
        };
        entries.AddRange(files.Select(f => new PackageEntry(f.Key, f.Value)));
        entries.Insert(0, new PackageEntry("[Content_Types].xml", ContentTypes(entries.Select(e => e.Name))));
        Entries = entries;
    }

    private XDocument BuildSolutionXml()
    {
        const string file = "Other/Solution.xml";
        var document = Load(file);
        var manifest = document.Root?.Name.LocalName == "ImportExportXml" ? document.Root.Element("SolutionManifest") : null;
        if (manifest is null)
        {
            throw new PackingException($"{file}: expected <ImportExportXml><SolutionManifest>");
        }
        UniqueName = manifest.Element("UniqueName")?.Value.Trim() ?? "";
        if (UniqueName.Length == 0 || !FileNameSafe.IsMatch(UniqueName))
        {
            throw new PackingException($"{file}: UniqueName '{UniqueName}' must be letters, digits and underscores");
        }
        Version = manifest.Element("Version")?.Value.Trim() ?? "";
        if (!VersionPattern.IsMatch(Version))
        {
            throw new PackingException($"{file}: Version '{Version}' must have four numeric parts (a.b.c.d)");
        }
        var managedElement = manifest.Element("Managed")
            ?? throw new PackingException($"{file}: <Managed> is missing (0 unmanaged, 1 managed, 2 both)");
        if (managedElement.Value.Trim() is not ("0" or "1" or "2"))
        {
            throw new PackingException($"{file}: Managed '{managedElement.Value}' must be 0, 1 or 2");
        }
        var declared = managedElement.Value.Trim();
        if (declared != "2" && declared != (managed ? "1" : "0"))
        {
            warnings.Add($"{file}: the source was unpacked as {(declared == "0" ? "unmanaged" : "managed")} (Managed {declared}); "
                + $"pac solution pack packs a {(managed ? "managed" : "unmanaged")} zip reliably only from a source unpacked with --packagetype Both (Managed 2)");
        }
        managedElement.Value = managed ? "1" : "0";
        if (testPackage)
        {
            MarkAsTestPackage(manifest);
        }
        return document;
    }

    private static void MarkAsTestPackage(XElement manifest)
    {
        var descriptions = manifest.Element("Descriptions");
        if (descriptions is null)
        {
            descriptions = new XElement("Descriptions");
            var after = manifest.Element("LocalizedNames") ?? manifest.Element("UniqueName");
            if (after is null)
            {
                manifest.AddFirst(descriptions);
            }
            else
            {
                after.AddAfterSelf(descriptions);
            }
        }
        var all = descriptions.Elements("Description").ToList();
        if (all.Count == 0)
        {
            descriptions.Add(new XElement("Description",
                new XAttribute("description", PackRequest.TestDescriptionPrefix),
                new XAttribute("languagecode", "1033")));
            return;
        }
        foreach (var description in all)
        {
            var text = (string?)description.Attribute("description") ?? "";
            description.SetAttributeValue("description",
                text.Length == 0 ? PackRequest.TestDescriptionPrefix : PackRequest.TestDescriptionPrefix + ". " + text);
        }
    }

    /// <summary>
    /// pac unpack writes Other/Relationships.xml as an index of names and the definitions in
    /// Other/Relationships/&lt;Table&gt;.xml: each name in the index is replaced by its definition; an index entry
    /// that carries its definition inline is kept; definitions the index does not name follow in file order.
    /// </summary>
    private void MergeRelationships(XElement customizations)
    {
        const string index = "Other/Relationships.xml";
        var definitions = new Dictionary<string, (XElement Element, string File)>(StringComparer.Ordinal);
        var order = new List<string>();
        if (Directory.Exists(Full("Other/Relationships")))
        {
            foreach (var file in Select("Other/Relationships", "*.xml", SearchOption.TopDirectoryOnly))
            {
                foreach (var relationship in LoadRoot(file, "EntityRelationships").Elements("EntityRelationship").ToList())
                {
                    var name = RelationshipName(relationship, file);
                    if (!definitions.TryAdd(name, (relationship, file)))
                    {
                        throw new PackingException($"{file}: relationship {name} is also defined in {definitions[name].File}");
                    }
                    order.Add(name);
                }
            }
        }
        var target = Section(customizations, "EntityRelationships");
        var merged = new HashSet<string>(StringComparer.Ordinal);
        if (File.Exists(Full(index)))
        {
            foreach (var entry in LoadRoot(index, "EntityRelationships").Elements("EntityRelationship").ToList())
            {
                var name = RelationshipName(entry, index);
                if (!merged.Add(name))
                {
                    throw new PackingException($"{index}: relationship {name} is listed twice");
                }
                if (entry.HasElements)
                {
                    if (definitions.TryGetValue(name, out var duplicate))
                    {
                        throw new PackingException($"{index}: relationship {name} is defined here and in {duplicate.File}");
                    }
                    target.Add(entry);
                }
                else if (definitions.TryGetValue(name, out var definition))
                {
                    target.Add(definition.Element);
                }
                else
                {
                    throw new PackingException($"{index}: relationship {name} is listed but no Other/Relationships/*.xml defines it");
                }
            }
        }
        foreach (var name in order.Where(n => !merged.Contains(n)))
        {
            target.Add(definitions[name].Element);
        }
    }

    private static string RelationshipName(XElement relationship, string file)
    {
        var name = (string?)relationship.Attribute("Name");
        return string.IsNullOrWhiteSpace(name)
            ? throw new PackingException($"{file}: an <EntityRelationship> has no Name")
            : name;
    }

    /// <summary>
    /// pac unpack keeps field security profiles in Other/FieldSecurityProfiles.xml (root &lt;FieldSecurityProfiles&gt;) and
    /// leaves &lt;FieldSecurityProfiles /&gt; in Customizations.xml; packing puts each profile back into that section.
    /// </summary>
    private void MergeFieldSecurityProfiles(XElement customizations)
    {
        const string file = "Other/FieldSecurityProfiles.xml";
        if (!File.Exists(Full(file)))
        {
            return;
        }
        var target = Section(customizations, "FieldSecurityProfiles");
        foreach (var profile in Select("Other", "FieldSecurityProfiles.xml", SearchOption.TopDirectoryOnly)
            .SelectMany(f => LoadRoot(f, "FieldSecurityProfiles").Elements("FieldSecurityProfile").ToList()))
        {
            profile.Remove();
            target.Add(profile);
        }
    }

    private void MergeEntities(XElement customizations, string folder)
    {
        var entities = Section(customizations, "Entities");
        foreach (var entityFolder in Directory.EnumerateDirectories(Full(folder)).OrderBy(d => d, StringComparer.Ordinal))
        {
            var relative = folder + "/" + Path.GetFileName(entityFolder);
            var entityFile = relative + "/Entity.xml";
            if (!File.Exists(Full(entityFile)))
            {
                throw new PackingException($"{entityFile}: required file is missing (every folder under Entities/ holds an Entity.xml)");
            }
            var entity = LoadRoot(entityFile, "Entity");
            var anchor = entity.Element("EntityInfo") ?? entity.Element("Name")
                ?? throw new PackingException($"{entityFile}: <Name> and <EntityInfo> are missing");

            var formsFolder = relative + "/FormXml";
            if (Directory.Exists(Full(formsFolder)))
            {
                var formXml = entity.Element("FormXml") ?? AddAfter(anchor, new XElement("FormXml"));
                foreach (var typeFolder in Directory.EnumerateDirectories(Full(formsFolder)).OrderBy(d => d, StringComparer.Ordinal))
                {
                    var type = Path.GetFileName(typeFolder);
                    var forms = formXml.Elements("forms").FirstOrDefault(f => (string?)f.Attribute("type") == type);
                    if (forms is null)
                    {
                        forms = new XElement("forms", new XAttribute("type", type));
                        formXml.Add(forms);
                    }
                    foreach (var formFile in Select(formsFolder + "/" + type, "*.xml", SearchOption.TopDirectoryOnly))
                    {
                        var formRoot = LoadRoot(formFile, "forms", "systemform");
                        forms.Add(formRoot.Name.LocalName == "systemform" ? [formRoot] : formRoot.Elements("systemform").ToArray());
                    }
                }
            }
            anchor = entity.Element("FormXml") ?? anchor;

            var queriesFolder = relative + "/SavedQueries";
            if (Directory.Exists(Full(queriesFolder)))
            {
                var savedQueries = entity.Element("SavedQueries") ?? AddAfter(anchor, new XElement("SavedQueries"));
                var list = savedQueries.Element("savedqueries");
                if (list is null)
                {
                    list = new XElement("savedqueries");
                    savedQueries.Add(list);
                }
                foreach (var queryFile in Select(queriesFolder, "*.xml", SearchOption.TopDirectoryOnly))
                {
                    var queryRoot = LoadRoot(queryFile, "savedqueries", "savedquery");
                    list.Add(queryRoot.Name.LocalName == "savedquery" ? [queryRoot] : queryRoot.Elements("savedquery").ToArray());
                }
            }
            anchor = entity.Element("SavedQueries") ?? anchor;

            var ribbonFile = relative + "/RibbonDiff.xml";
            if (File.Exists(Full(ribbonFile)))
            {
                var ribbon = LoadRoot(ribbonFile, "RibbonDiffXml");
                entity.Element("RibbonDiffXml")?.Remove();
                AddAfter(anchor, ribbon);
            }
            entities.Add(entity);
        }
    }

    private static XElement AddAfter(XElement anchor, XElement element)
    {
        anchor.AddAfterSelf(element);
        return element;
    }

    private void MergeEach(XElement customizations, string section, string rootName, string folder, string pattern, SearchOption option)
    {
        var target = Section(customizations, section);
        foreach (var file in Select(folder, pattern, option))
        {
            target.Add(LoadRoot(file, rootName));
        }
    }

    private void MergePluginAssemblies(XElement customizations, string folder)
    {
        var target = Section(customizations, "SolutionPluginAssemblies");
        foreach (var dataFile in Select(folder, "*.dll.data.xml", SearchOption.AllDirectories))
        {
            var assembly = LoadRoot(dataFile, "PluginAssembly");
            var fileName = RequiredFileName(assembly, dataFile, "FileName");
            var simpleName = Path.GetFileNameWithoutExtension(fileName);
            if (assemblies.TryGetValue(simpleName, out var mapped))
            {
                var declaredToken = TokenInFullName((string?)assembly.Attribute("FullName"));
                if (declaredToken is not null && !string.Equals(declaredToken, mapped.Facts.PublicKeyToken, StringComparison.OrdinalIgnoreCase))
                {
                    throw new PackingException(
                        $"{dataFile}: FullName says PublicKeyToken={declaredToken} but '{mapped.Path}' has PublicKeyToken={(mapped.Facts.PublicKeyToken.Length == 0 ? "null" : mapped.Facts.PublicKeyToken)}");
                }
                files[fileName] = File.ReadAllBytes(mapped.Path);
                consumed.Add(fileName);
                mappedUsed.Add(simpleName);
            }
            else
            {
                CopyNamedFile(dataFile, fileName, $"pass the built assembly with --assembly or put {Path.GetFileName(fileName)} next to it");
            }
            target.Add(assembly);
        }
    }

    private void MergeDataFiles(XElement customizations, string section, string rootName, string folder, string[] fileElements)
    {
        var target = Section(customizations, section);
        foreach (var dataFile in Select(folder, "*.data.xml", SearchOption.AllDirectories))
        {
            var component = LoadRoot(dataFile, rootName);
            foreach (var element in fileElements)
            {
                var named = component.Element(element)?.Value.Trim();
                if (!string.IsNullOrEmpty(named))
                {
                    CopyNamedFile(dataFile, Normalise(named), "the file it names is missing");
                }
            }
            target.Add(component);
        }
    }

    private void CopyNamedFile(string dataFile, string relative, string hint)
    {
        if (!File.Exists(Full(relative)))
        {
            throw new PackingException($"{dataFile}: names '{relative}', which is not in the source ({hint})");
        }
        files[relative] = File.ReadAllBytes(Full(relative));
        consumed.Add(relative);
    }

    private void CopyFolder(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Full(folder), "*", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
        {
            var relative = Relative(file);
            if (IsManagedVariant(relative))
            {
                continue;
            }
            var chosen = managed && File.Exists(Full(ManagedVariantOf(relative))) ? ManagedVariantOf(relative) : relative;
            files[relative] = File.ReadAllBytes(Full(chosen));
            consumed.Add(relative);
            consumed.Add(chosen);
        }
    }

    private void CheckOtherFolder()
    {
        if (!Directory.Exists(Full("Other")))
        {
            return;
        }
        var known = new[] { "Other/Solution.xml", "Other/Customizations.xml", "Other/Relationships.xml", "Other/FieldSecurityProfiles.xml", "Other/FieldSecurityProfiles_managed.xml" };
        foreach (var file in Directory.EnumerateFiles(Full("Other"), "*", SearchOption.AllDirectories))
        {
            var relative = Relative(file);
            if (!known.Contains(relative, StringComparer.Ordinal) && !relative.StartsWith("Other/Relationships/", StringComparison.Ordinal))
            {
                throw new PackingException($"{relative}: not a file this packer knows how to merge (Other/ holds Solution.xml, Customizations.xml, FieldSecurityProfiles.xml and Relationships)");
            }
        }
    }

    private void CheckEveryFileConsumed()
    {
        string[] merged = ["Entities", "OptionSets", "Roles", "SdkMessageProcessingSteps", "PluginAssemblies", "Workflows", "WebResources"];
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            if (!merged.Contains(Path.GetFileName(folder), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                var relative = Relative(file);
                if (!consumed.Contains(relative) && !(IsManagedVariant(relative) && !managed))
                {
                    throw new PackingException(
                        $"{relative}: not part of any component (no Entity.xml, form, view, .data.xml or component XML of its folder uses it)");
                }
            }
        }
    }

    /// <summary>The component files of a folder: for a managed package a <c>X_managed.xml</c> replaces <c>X.xml</c>.</summary>
    private List<string> Select(string folder, string pattern, SearchOption option)
    {
        var all = Directory.EnumerateFiles(Full(folder), pattern, option).Select(Relative).OrderBy(f => f, StringComparer.Ordinal).ToList();
        var chosen = new List<string>();
        foreach (var file in all.Where(f => !IsManagedVariant(f)))
        {
            var variant = ManagedVariantOf(file);
            var use = managed && File.Exists(Full(variant)) ? variant : file;
            if (managed && use == file && file.Contains("/FormXml/", StringComparison.OrdinalIgnoreCase))
            {
                formsWithoutManagedVariant.Add(file);
            }
            consumed.Add(file);
            consumed.Add(use);
            chosen.Add(use);
        }
        foreach (var orphan in all.Where(f => IsManagedVariant(f) && !File.Exists(Full(UnmanagedOf(f)))))
        {
            if (!managed)
            {
                throw new PackingException($"{orphan}: there is a managed variant but no unmanaged {Path.GetFileName(UnmanagedOf(orphan))} for an unmanaged package");
            }
            consumed.Add(orphan);
            chosen.Add(orphan);
        }
        return chosen;
    }

    /// <summary>
    /// A managed zip packed from source is not what Dataverse exports: SolutionPackager "can't convert one type to
    /// another" (https://learn.microsoft.com/power-platform/alm/solution-packager-tool#managed-and-unmanaged-solutions),
    /// pac packs a managed zip from the <c>*_managed.xml</c> files a <c>--packagetype Both</c> unpack writes, and
    /// <c>--useUnmanagedFileForMissingManaged</c> reuses the unmanaged XML of FormXml, AppModule and AppModuleSiteMap
    /// (https://learn.microsoft.com/power-platform/developer/cli/reference/solution#pac-solution-pack). A managed
    /// export marks what a solution changes in a form with <c>solutionaction</c> (the Power BI embedding page:
    /// "when you export the solution as managed, add the solutionaction="Added" attribute",
    /// https://learn.microsoft.com/power-apps/maker/model-driven-apps/embed-powerbi-report-in-system-form),
    /// which no packer can compute without the environment's form. So the forms packed that way are named.
    /// </summary>
    private void WarnOfFormsWithoutManagedVariant()
    {
        if (formsWithoutManagedVariant.Count == 0)
        {
            return;
        }
        warnings.Add(string.Create(CultureInfo.InvariantCulture, $"{formsWithoutManagedVariant.Count} form(s) have no _managed.xml ({string.Join(", ", formsWithoutManagedVariant)}): ")
            + "the managed zip carries their unmanaged form XML, as pac solution pack --packagetype Managed --useUnmanagedFileForMissingManaged does, "
            + "and may differ from Dataverse's managed export of the same solution (which marks form changes with solutionaction); "
            + "to deploy, import the unmanaged zip into a build environment and export it managed (.github/workflows/deploy.yml)");
    }

    private static bool IsManagedVariant(string relative) =>
        relative.EndsWith("_managed.xml", StringComparison.OrdinalIgnoreCase);

    private static string ManagedVariantOf(string relative) =>
        relative.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) && !relative.EndsWith(".data.xml", StringComparison.OrdinalIgnoreCase)
            ? relative[..^4] + "_managed.xml"
            : relative;

    private static string UnmanagedOf(string relative) => relative[..^"_managed.xml".Length] + ".xml";

    private static XElement Section(XElement customizations, string name)
    {
        var existing = customizations.Element(name);
        if (existing is not null)
        {
            return existing;
        }
        var section = new XElement(name);
        var index = Array.IndexOf(SectionOrder, name);
        var before = customizations.Elements().FirstOrDefault(e => Array.IndexOf(SectionOrder, e.Name.LocalName) > index);
        if (before is null)
        {
            customizations.Add(section);
        }
        else
        {
            before.AddBeforeSelf(section);
        }
        return section;
    }

    private static string RequiredFileName(XElement component, string file, string element)
    {
        var value = component.Element(element)?.Value.Trim();
        if (string.IsNullOrEmpty(value))
        {
            throw new PackingException($"{file}: <{element}> is missing");
        }
        return Normalise(value);
    }

    private static string? TokenInFullName(string? fullName)
    {
        if (fullName is null)
        {
            return null;
        }
        var match = Regex.Match(fullName, @"PublicKeyToken\s*=\s*([0-9a-fA-F]{16}|null)", RegexOptions.CultureInvariant);
        return match.Success ? (match.Groups[1].Value == "null" ? "" : match.Groups[1].Value.ToLowerInvariant()) : null;
    }

    private static string Normalise(string path) => path.Replace('\\', '/').TrimStart('/');

    private string Full(string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    private string Relative(string full) => Path.GetRelativePath(root, full).Replace(Path.DirectorySeparatorChar, '/');

    private XElement LoadRoot(string relative, params string[] expected)
    {
        var element = Load(relative).Root!;
        if (!expected.Contains(element.Name.LocalName, StringComparer.Ordinal))
        {
            throw new PackingException(
                $"{relative}: the root element is <{element.Name.LocalName}>, expected <{string.Join("> or <", expected)}>");
        }
        element.Remove();
        foreach (var declaration in element.Attributes().Where(a => a.IsNamespaceDeclaration).ToList())
        {
            // The merged document declares xsi (and friends) once at its root, as pac's output does.
            if (declaration.Value == XsiNamespace)
            {
                declaration.Remove();
            }
        }
        return element;
    }

    private XDocument Load(string relative)
    {
        var full = Full(relative);
        if (!File.Exists(full))
        {
            throw new PackingException($"{relative}: required file is missing from the source folder '{root}'");
        }
        try
        {
            consumed.Add(relative);
            return XDocument.Load(full, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new PackingException($"{relative}: not well-formed XML: {e.Message}", e);
        }
    }

    private static byte[] Serialize(XDocument document)
    {
        using var stream = new MemoryStream();
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(true), Indent = true, NewLineChars = "\r\n" };
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }
        return stream.ToArray();
    }

    private static byte[] ContentTypes(IEnumerable<string> entryNames)
    {
        XNamespace ns = "http://schemas.openxmlformats.org/package/2006/content-types";
        var extensions = entryNames
            .Select(n => Path.GetExtension(n).TrimStart('.').ToLowerInvariant())
            .Append("xml")
            .Where(e => e.Length > 0)
            .Distinct(StringComparer.Ordinal)
            .OrderBy(e => e, StringComparer.Ordinal);
        var types = new XElement(ns + "Types",
            extensions.Select(e => new XElement(ns + "Default",
                new XAttribute("Extension", e),
                new XAttribute("ContentType", "application/octet-stream"))));
        return Serialize(new XDocument(new XDeclaration("1.0", "utf-8", null), types));
    }

    /// <summary>For diagnostics: the number of entries, e.g. "23 entries".</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{UniqueName} {Version}: {Entries.Count} entries");
}
