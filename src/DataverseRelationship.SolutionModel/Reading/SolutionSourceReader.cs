using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Xml;
using System.Xml.Linq;

namespace DataverseRelationship.SolutionModel;

/// <summary>
/// Reads an unpacked solution folder (the layout <c>pac solution unpack</c> writes) into a <see cref="SolutionSource"/>.
/// A file that cannot be parsed becomes a <see cref="FindingKind.MalformedFile"/> finding instead of an exception, so one
/// broken file does not hide the rest.
/// </summary>
public static class SolutionSourceReader
{
    /// <summary>Reads the solution source under <paramref name="rootDirectory"/> (the folder holding Other/Solution.xml).</summary>
    public static SolutionSource Read(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        if (!Directory.Exists(rootDirectory))
        {
            throw new DirectoryNotFoundException($"Solution source folder '{rootDirectory}' does not exist.");
        }

        var state = new ReadState(Path.GetFullPath(rootDirectory));
        var manifest = ReadManifest(state);
        var optionSets = ReadOptionSets(state);
        var tables = new List<TableDefinition>();
        var forms = new List<FormDefinition>();
        var views = new List<ViewDefinition>();
        ReadEntities(state, optionSets, tables, forms, views);
        var relationships = ReadRelationships(state);
        var assemblies = ReadPluginAssemblies(state);
        var steps = ReadSteps(state);
        var apis = ReadCustomApis(state);
        var connectionReferences = new List<ConnectionReferenceDefinition>();
        var profiles = new List<FieldSecurityProfileDefinition>();
        ReadCustomizations(state, connectionReferences, profiles);
        var flows = ReadFlows(state);
        var variables = ReadEnvironmentVariables(state);
        var roles = ReadRoles(state);

        return new SolutionSource(state.Root, manifest, tables, optionSets, relationships, forms, views, assemblies, steps, apis, flows,
            connectionReferences, variables, roles, profiles, state.Ids, state.Findings);
    }

    private sealed class ReadState(string root)
    {
        public string Root { get; } = root;
        public List<ValidationFinding> Findings { get; } = [];
        public List<ComponentId> Ids { get; } = [];

        public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');

        public XDocument? Load(string path)
        {
            try
            {
                return XDocument.Load(path);
            }
            catch (XmlException ex)
            {
                Findings.Add(new ValidationFinding(FindingKind.MalformedFile, Relative(path), $"not well-formed XML: {ex.Message}"));
                return null;
            }
        }

        public void Malformed(string path, string reason) => Findings.Add(new ValidationFinding(FindingKind.MalformedFile, Relative(path), reason));

        public void Id(Guid? id, string kind, string path)
        {
            if (id is { } value)
            {
                Ids.Add(new ComponentId(value, kind, Relative(path)));
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static string? Text(XElement? parent, string name)
    {
        var element = parent?.Element(name);
        return element is null || element.Attribute(XName.Get("nil", "http://www.w3.org/2001/XMLSchema-instance"))?.Value == "true" ? null : element.Value.Trim();
    }

    private static int? Int(XElement? parent, string name) =>
        int.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static decimal? Dec(XElement? parent, string name) =>
        decimal.TryParse(Text(parent, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static bool Flag(XElement? parent, string name) => Text(parent, name) == "1";

    private static Guid? ParseGuid(string? text) => Guid.TryParse(text?.Trim(), out var id) ? id : null;

    private static string[] CommaList(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static IEnumerable<string> Files(string directory, string pattern) =>
        Directory.Exists(directory) ? Directory.EnumerateFiles(directory, pattern, SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal) : [];

    // ------------------------------------------------------------------ Solution.xml

    private static SolutionManifest? ReadManifest(ReadState state)
    {
        var path = Path.Combine(state.Root, "Other", "Solution.xml");
        if (!File.Exists(path))
        {
            state.Malformed(path, "Other/Solution.xml is missing.");
            return null;
        }

        var doc = state.Load(path);
        var manifest = doc?.Root?.Element("SolutionManifest");
        if (doc is null)
        {
            return null;
        }

        if (manifest is null)
        {
            state.Malformed(path, "ImportExportXml/SolutionManifest is missing.");
            return null;
        }

        var publisher = manifest.Element("Publisher");
        var roots = manifest.Element("RootComponents")?.Elements("RootComponent").Select(r => new RootComponent(
            int.TryParse(r.Attribute("type")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var type) ? type : -1,
            r.Attribute("schemaName")?.Value,
            ParseGuid(r.Attribute("id")?.Value),
            int.TryParse(r.Attribute("behavior")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var behavior) ? behavior : 0)).ToList() ?? [];
        foreach (var root in roots.Where(r => r.Type == 2))
        {
            state.Id(root.Id, "column", path);
        }

        return new SolutionManifest(state.Relative(path), Text(manifest, "UniqueName") ?? "", Text(manifest, "Version") ?? "", Int(manifest, "Managed") ?? -1,
            Text(publisher, "UniqueName") ?? "", Text(publisher, "CustomizationPrefix") ?? "", Int(publisher, "CustomizationOptionValuePrefix") ?? -1, roots);
    }

    // ------------------------------------------------------------------ option sets

    private static List<OptionSetDefinition> ReadOptionSets(ReadState state)
    {
        var result = new List<OptionSetDefinition>();
        foreach (var path in Files(Path.Combine(state.Root, "OptionSets"), "*.xml"))
        {
            var root = state.Load(path)?.Root;
            if (root is null)
            {
                continue;
            }

            var set = ReadOptionSet(root, state.Relative(path), isGlobal: true, state.Findings);
            if (set is null)
            {
                state.Malformed(path, "optionset has no Name.");
                continue;
            }

            result.Add(set);
        }

        return result;
    }

    private static OptionSetDefinition? ReadOptionSet(XElement optionSet, string file, bool isGlobal, List<ValidationFinding> findings)
    {
        var name = optionSet.Attribute("Name")?.Value;
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var options = optionSet.Element("options")?.Elements("option")
            .Select(o => new OptionValue(
                int.TryParse(o.Attribute("value")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) ? v : int.MinValue,
                o.Element("labels")?.Elements("label").FirstOrDefault()?.Attribute("description")?.Value ?? "",
                int.TryParse(o.Attribute("state")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var st) ? st : null))
            .ToList() ?? [];
        SchemaRules.CheckOptionSetType(optionSet, name, file, findings);
        return new OptionSetDefinition(file, name, Text(optionSet, "OptionSetType") ?? "picklist", isGlobal, options);
    }

    // ------------------------------------------------------------------ entities, forms, views

    private static void ReadEntities(ReadState state, List<OptionSetDefinition> optionSets, List<TableDefinition> tables, List<FormDefinition> forms, List<ViewDefinition> views)
    {
        var entities = Path.Combine(state.Root, "Entities");
        if (!Directory.Exists(entities))
        {
            return;
        }

        foreach (var folder in Directory.EnumerateDirectories(entities).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, "Entity.xml");
            if (!File.Exists(path))
            {
                state.Malformed(folder, "the table folder has no Entity.xml.");
                continue;
            }

            var root = state.Load(path)?.Root;
            if (root is null)
            {
                continue;
            }

            var entity = root.Element("EntityInfo")?.Element("entity");
            var tableName = (root.Element("Name")?.Value ?? entity?.Attribute("Name")?.Value ?? "").Trim().ToLowerInvariant();
            if (entity is null || tableName.Length == 0)
            {
                state.Malformed(path, "Entity/Name or EntityInfo/entity is missing.");
                continue;
            }

            var file = state.Relative(path);
            var columns = new List<ColumnDefinition>();
            foreach (var attribute in entity.Element("attributes")?.Elements("attribute") ?? [])
            {
                var logical = Text(attribute, "LogicalName");
                var type = Text(attribute, "Type");
                if (string.IsNullOrEmpty(logical) || string.IsNullOrEmpty(type))
                {
                    state.Malformed(path, $"an attribute ({attribute.Attribute("PhysicalName")?.Value ?? "unnamed"}) lacks LogicalName or Type.");
                    continue;
                }

                var local = attribute.Element("optionset") is { } os ? ReadOptionSet(os, file, isGlobal: false, state.Findings) : null;
                var globalName = Text(attribute, "OptionSetName");
                var options = local?.Options
                    ?? (string.IsNullOrEmpty(globalName) ? null : optionSets.FirstOrDefault(o => string.Equals(o.Name, globalName, StringComparison.OrdinalIgnoreCase))?.Options);
                columns.Add(new ColumnDefinition
                {
                    File = file,
                    Table = tableName,
                    LogicalName = logical.ToLowerInvariant(),
                    SchemaName = attribute.Attribute("PhysicalName")?.Value,
                    Description = attribute.Element("Descriptions")?.Elements("Description").FirstOrDefault()?.Attribute("description")?.Value,
                    Type = type,
                    OptionSetName = string.IsNullOrEmpty(globalName) ? null : globalName,
                    LocalOptionSet = local,
                    Options = options,
                    MinValue = Dec(attribute, "MinValue"),
                    MaxValue = Dec(attribute, "MaxValue"),
                    Accuracy = Int(attribute, "Accuracy"),
                    MaxLength = Int(attribute, "MaxLength") ?? Int(attribute, "Length"),
                    DateTimeBehavior = Int(attribute, "Behavior"),
                    Format = Text(attribute, "Format"),
                    IsSecured = Flag(attribute, "IsSecured"),
                    IsCustomField = Flag(attribute, "IsCustomField"),
                    ValidForCreateApi = Flag(attribute, "ValidForCreateApi"),
                    ValidForUpdateApi = Flag(attribute, "ValidForUpdateApi"),
                    // Valid neither for create nor for update: only the platform sets it (createdon, createdby, owningbusinessunit, ...).
                    IsPlatformSet = Text(attribute, "ValidForCreateApi") == "0" && Text(attribute, "ValidForUpdateApi") == "0",
                    Targets = type.Trim().ToLowerInvariant() switch
                    {
                        "owner" => ["systemuser", "team"],
                        "customer" => ["account", "contact"],
                        _ => [],
                    },
                });
            }

            var definesTable = entity.Attribute("unmodified")?.Value != "1";
            var primaryKey = columns.FirstOrDefault(c => string.Equals(c.Type, "primarykey", StringComparison.OrdinalIgnoreCase));
            tables.Add(new TableDefinition
            {
                File = file,
                LogicalName = tableName,
                SchemaName = (root.Element("Name")?.Value ?? entity.Attribute("Name")?.Value)?.Trim(),
                EntitySetName = Text(entity, "EntitySetName"),
                DefinesTable = definesTable,
                PrimaryIdColumn = primaryKey?.LogicalName ?? tableName + "id",
                Columns = columns,
            });
            ReadForms(state, folder, tableName, forms);
            ReadViews(state, folder, tableName, views);
        }
    }

    private static void ReadForms(ReadState state, string entityFolder, string table, List<FormDefinition> forms)
    {
        var formRoot = Path.Combine(entityFolder, "FormXml");
        if (!Directory.Exists(formRoot))
        {
            return;
        }

        foreach (var path in Directory.EnumerateFiles(formRoot, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var systemForm = state.Load(path)?.Root?.Element("systemform");
            if (systemForm is null)
            {
                if (state.Findings.All(f => f.File != state.Relative(path)))
                {
                    state.Malformed(path, "forms/systemform is missing.");
                }

                continue;
            }

            var id = ParseGuid(Text(systemForm, "formid"));
            if (id is null)
            {
                state.Malformed(path, "systemform/formid is missing or not a GUID.");
                continue;
            }

            state.Id(id, "form", path);
            foreach (var element in systemForm.Descendants().Where(e => e.Name.LocalName is "tab" or "section" or "cell"))
            {
                state.Id(ParseGuid(element.Attribute("id")?.Value), "form " + element.Name.LocalName, path);
            }

            var fields = systemForm.Descendants("control")
                .Where(c => !string.IsNullOrEmpty(c.Attribute("datafieldname")?.Value))
                .Select(c => new FormField(c.Attribute("datafieldname")!.Value, c.Attribute("disabled")?.Value == "true"))
                .ToList();
            var name = systemForm.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault()?.Attribute("description")?.Value ?? "";
            forms.Add(new FormDefinition(state.Relative(path), id.Value, table, name, fields));
        }
    }

    private static void ReadViews(ReadState state, string entityFolder, string table, List<ViewDefinition> views)
    {
        foreach (var path in Files(Path.Combine(entityFolder, "SavedQueries"), "*.xml"))
        {
            var query = state.Load(path)?.Root?.Element("savedquery");
            if (query is null)
            {
                if (state.Findings.All(f => f.File != state.Relative(path)))
                {
                    state.Malformed(path, "savedqueries/savedquery is missing.");
                }

                continue;
            }

            var id = ParseGuid(Text(query, "savedqueryid"));
            if (id is null)
            {
                state.Malformed(path, "savedquery/savedqueryid is missing or not a GUID.");
                continue;
            }

            state.Id(id, "view", path);
            var columns = new List<string>();
            columns.AddRange(query.Element("layoutxml")?.Descendants("cell").Select(c => c.Attribute("name")?.Value ?? "") ?? []);
            var fetchEntity = query.Element("fetchxml")?.Descendants("entity").FirstOrDefault();
            if (fetchEntity is not null)
            {
                columns.AddRange(fetchEntity.Elements("attribute").Select(a => a.Attribute("name")?.Value ?? ""));
                columns.AddRange(fetchEntity.Elements("order").Select(a => a.Attribute("attribute")?.Value ?? ""));
            }

            var conditions = fetchEntity?.Descendants("condition")
                .Where(c => c.Ancestors("link-entity").FirstOrDefault() is null)
                .Select(c => new ViewCondition(c.Attribute("attribute")?.Value ?? "", c.Attribute("operator")?.Value ?? "", c.Attribute("value")?.Value))
                .ToList() ?? [];
            var name = query.Element("LocalizedNames")?.Elements("LocalizedName").FirstOrDefault()?.Attribute("description")?.Value ?? "";
            views.Add(new ViewDefinition(state.Relative(path), id.Value, table, name, fetchEntity?.Attribute("name")?.Value,
                columns.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList(), conditions));
        }
    }

    // ------------------------------------------------------------------ relationships

    private static List<RelationshipDefinition> ReadRelationships(ReadState state)
    {
        var result = new List<RelationshipDefinition>();
        var index = Path.Combine(state.Root, "Other", "Relationships.xml");
        if (File.Exists(index))
        {
            state.Load(index);
        }

        foreach (var path in Files(Path.Combine(state.Root, "Other", "Relationships"), "*.xml"))
        {
            var root = state.Load(path)?.Root;
            foreach (var relationship in root?.Elements("EntityRelationship") ?? [])
            {
                result.Add(new RelationshipDefinition(state.Relative(path), relationship.Attribute("Name")?.Value ?? "",
                    (Text(relationship, "ReferencingEntityName") ?? "").ToLowerInvariant(),
                    (Text(relationship, "ReferencedEntityName") ?? "").ToLowerInvariant(),
                    (Text(relationship, "ReferencingAttributeName") ?? "").ToLowerInvariant(),
                    Text(relationship, "CascadeDelete") is { Length: > 0 } cascade ? cascade : null));
            }
        }

        return result;
    }

    // ------------------------------------------------------------------ plugin assemblies and steps

    private static List<PluginAssemblyDefinition> ReadPluginAssemblies(ReadState state)
    {
        var result = new List<PluginAssemblyDefinition>();
        var folder = Path.Combine(state.Root, "PluginAssemblies");
        if (!Directory.Exists(folder))
        {
            return result;
        }

        foreach (var path in Directory.EnumerateFiles(folder, "*.dll.data.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var root = state.Load(path)?.Root;
            if (root is null)
            {
                continue;
            }

            var id = ParseGuid(root.Attribute("PluginAssemblyId")?.Value);
            var fullName = root.Attribute("FullName")?.Value;
            if (id is null || string.IsNullOrEmpty(fullName))
            {
                state.Malformed(path, "PluginAssembly lacks FullName or PluginAssemblyId.");
                continue;
            }

            state.Id(id, "plugin assembly", path);
            var types = new List<PluginTypeDefinition>();
            foreach (var type in root.Element("PluginTypes")?.Elements("PluginType") ?? [])
            {
                var typeId = ParseGuid(type.Attribute("PluginTypeId")?.Value);
                var qualified = type.Attribute("AssemblyQualifiedName")?.Value ?? "";
                if (typeId is null || qualified.Length == 0)
                {
                    state.Malformed(path, $"PluginType {type.Attribute("Name")?.Value ?? "(unnamed)"} lacks PluginTypeId or AssemblyQualifiedName.");
                    continue;
                }

                state.Id(typeId, "plugin type", path);
                types.Add(new PluginTypeDefinition(typeId.Value, type.Attribute("Name")?.Value ?? qualified.Split(',')[0].Trim(), qualified));
            }

            result.Add(new PluginAssemblyDefinition(state.Relative(path), id.Value, fullName, types));
        }

        return result;
    }

    private static List<StepDefinition> ReadSteps(ReadState state)
    {
        var result = new List<StepDefinition>();
        foreach (var path in Files(Path.Combine(state.Root, "SdkMessageProcessingSteps"), "*.xml"))
        {
            var root = state.Load(path)?.Root;
            if (root is null)
            {
                continue;
            }

            var id = ParseGuid(root.Attribute("SdkMessageProcessingStepId")?.Value);
            var name = root.Attribute("Name")?.Value ?? "";
            if (id is null)
            {
                state.Malformed(path, "SdkMessageProcessingStep lacks SdkMessageProcessingStepId.");
                continue;
            }

            state.Id(id, "step", path);
            var messageId = ParseGuid(Text(root, "SdkMessageId"));
            var images = new List<StepImageDefinition>();
            foreach (var image in root.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage") ?? [])
            {
                var imageId = ParseGuid(Text(image, "SdkMessageProcessingStepImageId"));
                state.Id(imageId, "step image", path);
                SchemaRules.CheckImageOrder(image, name, state.Relative(path), state.Findings);
                images.Add(new StepImageDefinition(imageId ?? Guid.Empty, Text(image, "EntityAlias") ?? "", Int(image, "ImageType") ?? -1,
                    Text(image, "MessagePropertyName") ?? "", CommaList(Text(image, "Attributes")).Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList()));
            }

            result.Add(new StepDefinition(state.Relative(path), id.Value, name, messageId, PlatformMessages.MessageOf(messageId, name),
                Text(root, "PluginTypeName") ?? "", ParseGuid(Text(root, "PluginTypeId")), (Text(root, "PrimaryEntity") ?? "").ToLowerInvariant(),
                Int(root, "Stage") ?? -1, Text(root, "Mode") is null ? 0 : Int(root, "Mode") ?? -1, CommaList(Text(root, "FilteringAttributes")).Select(c => c.ToLowerInvariant()).Distinct(StringComparer.Ordinal).ToList(), images)
            {
                Rank = Text(root, "Rank") is { Length: > 0 } rank ? int.TryParse(rank, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) ? r : -1 : 1,
                CustomConfiguration = Text(root, "CustomConfiguration") is { Length: > 0 } configuration ? configuration : null,
            });
        }

        return result;
    }

    // ------------------------------------------------------------------ custom APIs

    private static List<CustomApiDefinition> ReadCustomApis(ReadState state)
    {
        var result = new List<CustomApiDefinition>();
        var folder = Path.Combine(state.Root, "customapis");
        if (!Directory.Exists(folder))
        {
            return result;
        }

        foreach (var apiFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(apiFolder, "customapi.xml");
            if (!File.Exists(path))
            {
                state.Malformed(apiFolder, "the custom API folder has no customapi.xml.");
                continue;
            }

            var root = state.Load(path)?.Root;
            if (root is null)
            {
                continue;
            }

            var uniqueName = root.Attribute("uniquename")?.Value ?? Text(root, "uniquename") ?? "";
            var requests = ReadApiFields(state, Path.Combine(apiFolder, "customapirequestparameters"), "customapirequestparameter.xml");
            var responses = ReadApiFields(state, Path.Combine(apiFolder, "customapiresponseproperties"), "customapiresponseproperty.xml");
            result.Add(new CustomApiDefinition(state.Relative(path), uniqueName, string.IsNullOrEmpty(Text(root, "bindingtype")) ? 0 : Int(root, "bindingtype") ?? -1,
                string.IsNullOrEmpty(Text(root, "boundentitylogicalname")) ? null : Text(root, "boundentitylogicalname"),
                ParseGuid(Text(root.Element("plugintypeid"), "plugintypeid")), requests, responses,
                string.IsNullOrWhiteSpace(Text(root, "executeprivilegename")) ? null : Text(root, "executeprivilegename")!.Trim()));
        }

        return result;
    }

    private static List<CustomApiField> ReadApiFields(ReadState state, string folder, string fileName)
    {
        var result = new List<CustomApiField>();
        if (!Directory.Exists(folder))
        {
            return result;
        }

        foreach (var fieldFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(fieldFolder, fileName);
            var root = File.Exists(path) ? state.Load(path)?.Root : null;
            if (root is null)
            {
                if (!File.Exists(path))
                {
                    state.Malformed(fieldFolder, $"{fileName} is missing.");
                }

                continue;
            }

            result.Add(new CustomApiField(state.Relative(path), root.Attribute("uniquename")?.Value ?? Text(root, "uniquename") ?? Text(root, "name") ?? "", Int(root, "type") ?? -1,
                Flag(root, "isoptional")));
        }

        return result;
    }

    // ------------------------------------------------------------------ Customizations.xml

    private static void ReadCustomizations(ReadState state, List<ConnectionReferenceDefinition> references, List<FieldSecurityProfileDefinition> profiles)
    {
        var path = Path.Combine(state.Root, "Other", "Customizations.xml");
        if (!File.Exists(path))
        {
            state.Malformed(path, "Other/Customizations.xml is missing.");
            return;
        }

        var root = state.Load(path)?.Root;
        if (root is null)
        {
            return;
        }

        var file = state.Relative(path);
        foreach (var reference in root.Element("connectionreferences")?.Elements("connectionreference") ?? [])
        {
            references.Add(new ConnectionReferenceDefinition(file, reference.Attribute("connectionreferencelogicalname")?.Value ?? "",
                Text(reference, "connectorid") ?? ""));
        }

        ReadFieldSecurityProfiles(state, root.Element("FieldSecurityProfiles"), path, profiles);
        // pac solution unpack keeps the profiles in Other/FieldSecurityProfiles.xml (root <FieldSecurityProfiles>) and leaves
        // an empty <FieldSecurityProfiles /> in Customizations.xml, as in the pac-unpacked export
        // meandtech2001/Apollo-HealthCare-Management-D365-CRM- (Other/FieldSecurityProfiles.xml, commit 4af90e92).
        var profilesPath = Path.Combine(state.Root, "Other", "FieldSecurityProfiles.xml");
        if (File.Exists(profilesPath) && state.Load(profilesPath)?.Root is { } profilesRoot)
        {
            if (profilesRoot.Name.LocalName != "FieldSecurityProfiles")
            {
                state.Malformed(profilesPath, $"the root element is <{profilesRoot.Name.LocalName}>, expected <FieldSecurityProfiles>.");
            }
            else
            {
                ReadFieldSecurityProfiles(state, profilesRoot, profilesPath, profiles);
            }
        }
    }

    /// <summary>
    /// A FieldPermission holds child elements EntityName, AttributeName, CanRead, CanUpdate, CanCreate (in that order, then
    /// CanReadUnmasked in current exports); CustomizationsSolution.xsd (FieldPermissionsType) has no attributes on it, so a
    /// permission written as attributes is refused on import and would secure nothing.
    /// </summary>
    private static void ReadFieldSecurityProfiles(ReadState state, XElement? section, string path, List<FieldSecurityProfileDefinition> profiles)
    {
        var file = state.Relative(path);
        foreach (var profile in section?.Elements("FieldSecurityProfile") ?? [])
        {
            var id = ParseGuid(profile.Attribute("fieldsecurityprofileid")?.Value);
            state.Id(id, "field security profile", path);
            var name = profile.Attribute("name")?.Value ?? "";
            var permissions = new List<FieldPermissionDefinition>();
            foreach (var permission in profile.Element("FieldPermissions")?.Elements("FieldPermission") ?? [])
            {
                if (permission.HasAttributes)
                {
                    state.Malformed(path, $"field security profile '{name}': <FieldPermission> has attributes "
                        + $"({string.Join(", ", permission.Attributes().Select(a => a.Name.LocalName))}); the schema requires child elements "
                        + "EntityName, AttributeName, CanRead, CanUpdate, CanCreate.");
                }

                var order = permission.Elements().Select(e => e.Name.LocalName).ToList();
                string[] expected = ["EntityName", "AttributeName", "CanRead", "CanUpdate", "CanCreate"];
                if (!order.Take(expected.Length).SequenceEqual(expected, StringComparer.Ordinal)
                    || order.Skip(expected.Length).Any(e => e != "CanReadUnmasked") || order.Count > expected.Length + 1)
                {
                    state.Malformed(path, $"field security profile '{name}': <FieldPermission> holds <{string.Join("><", order)}>; "
                        + "the schema requires <EntityName><AttributeName><CanRead><CanUpdate><CanCreate> (then <CanReadUnmasked>).");
                }

                permissions.Add(new FieldPermissionDefinition(Text(permission, "EntityName") ?? "", Text(permission, "AttributeName") ?? ""));
            }

            profiles.Add(new FieldSecurityProfileDefinition(file, id ?? Guid.Empty, name, permissions));
        }
    }

    // ------------------------------------------------------------------ flows

    private static List<FlowDefinition> ReadFlows(ReadState state)
    {
        var result = new List<FlowDefinition>();
        foreach (var path in Files(Path.Combine(state.Root, "Workflows"), "*.json.data.xml"))
        {
            var root = state.Load(path)?.Root;
            if (root is null)
            {
                continue;
            }

            var id = ParseGuid(root.Attribute("WorkflowId")?.Value);
            if (id is null)
            {
                state.Malformed(path, "Workflow lacks WorkflowId.");
                continue;
            }

            state.Id(id, "flow", path);
            var jsonPath = path[..^".data.xml".Length];
            var declared = Text(root, "JsonFileName");
            if (declared is not null && !string.Equals(declared.TrimStart('/'), state.Relative(jsonPath), StringComparison.OrdinalIgnoreCase))
            {
                state.Malformed(path, $"JsonFileName '{declared}' does not name the flow file next to it ({state.Relative(jsonPath)}).");
            }

            var category = Int(root, "Category") ?? -1;
            var name = root.Attribute("Name")?.Value ?? "";
            if (!File.Exists(jsonPath))
            {
                state.Malformed(path, $"the flow definition {state.Relative(jsonPath)} is missing.");
                continue;
            }

            JsonDocument json;
            try
            {
                json = JsonDocument.Parse(File.ReadAllText(jsonPath));
            }
            catch (JsonException ex)
            {
                state.Malformed(jsonPath, $"not valid JSON: {ex.Message}");
                continue;
            }

            using (json)
            {
                var (connections, references) = FlowReferenceReader.Read(json.RootElement);
                result.Add(new FlowDefinition(state.Relative(jsonPath), id.Value, name, category, Text(root, "PrimaryEntity"), connections, references));
            }
        }

        return result;
    }

    // ------------------------------------------------------------------ environment variables and roles

    private static List<EnvironmentVariableDefinition> ReadEnvironmentVariables(ReadState state)
    {
        var result = new List<EnvironmentVariableDefinition>();
        var folder = Path.Combine(state.Root, "environmentvariabledefinitions");
        if (!Directory.Exists(folder))
        {
            return result;
        }

        foreach (var definitionFolder in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(definitionFolder, "environmentvariabledefinition.xml");
            var root = File.Exists(path) ? state.Load(path)?.Root : null;
            if (root is null)
            {
                if (!File.Exists(path))
                {
                    state.Malformed(definitionFolder, "environmentvariabledefinition.xml is missing.");
                }

                continue;
            }

            result.Add(new EnvironmentVariableDefinition(state.Relative(path), root.Attribute("schemaname")?.Value ?? "", Int(root, "type") ?? -1,
                root.Element("defaultvalue")?.Value, root.Element("displayname")?.Attribute("default")?.Value ?? Text(root, "displayname")));
        }

        return result;
    }

    private static List<RoleDefinition> ReadRoles(ReadState state)
    {
        var result = new List<RoleDefinition>();
        foreach (var path in Files(Path.Combine(state.Root, "Roles"), "*.xml"))
        {
            var root = state.Load(path)?.Root;
            if (root is null)
            {
                continue;
            }

            var id = ParseGuid(root.Attribute("id")?.Value);
            state.Id(id, "role", path);
            result.Add(new RoleDefinition(state.Relative(path), id ?? Guid.Empty, root.Attribute("name")?.Value ?? "",
                root.Element("RolePrivileges")?.Elements("RolePrivilege").Select(p => new RolePrivilege(p.Attribute("name")?.Value ?? "", p.Attribute("level")?.Value ?? "")).ToList() ?? []));
        }

        return result;
    }
}
