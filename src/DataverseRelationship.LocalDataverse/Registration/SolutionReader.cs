using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Xml.Linq;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Registration;

/// <summary>What an unpacked solution registers: steps, Custom APIs and environment variable definitions.</summary>
internal sealed class SolutionRegistrations
{
    public List<StepRegistration> Steps { get; } = [];

    public Dictionary<string, CustomApiDefinition> CustomApis { get; } = new(StringComparer.Ordinal);

    public List<Entity> EnvironmentVariableDefinitions { get; } = [];

    public List<RoleDefinition> Roles { get; } = [];
}

/// <summary>
/// Reads step registrations, plugin types, Custom APIs and environment variables from an unpacked (pac format)
/// solution folder and resolves every plugin type in the given assemblies. Anything malformed or inconsistent
/// fails with a <see cref="SolutionRegistrationException"/> naming the file and the reason.
/// </summary>
internal sealed class SolutionReader
{
    /// <summary>Platform message ids; they are the same in every environment (docs/architecture.md).</summary>
    private static readonly Dictionary<Guid, string> KnownMessageIds = new()
    {
        [new Guid("9ebdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Create",
        [new Guid("20bebb1b-ea3e-db11-86a7-000a3a5473e8")] = "Update",
        [new Guid("a1bdbb1b-ea3e-db11-86a7-000a3a5473e8")] = "Delete",
        [new Guid("1cbebb1b-ea3e-db11-86a7-000a3a5473e8")] = "SetState",
    };

    private static readonly HashSet<string> PlatformMessages = new(StringComparer.Ordinal) { "Create", "Update", "Delete", "Win", "Lose", "SetState" };

    private readonly string _folder;
    private readonly SchemaCatalog _schema;
    private readonly IReadOnlyList<Assembly> _assemblies;
    private readonly IReadOnlyDictionary<Guid, string> _secureConfigurations;
    private readonly Dictionary<Guid, string> _pluginTypeNamesById = new();
    private bool _hasPluginAssemblyFiles;

    public SolutionReader(string folder, SchemaCatalog schema, IReadOnlyList<Assembly> assemblies, IReadOnlyDictionary<Guid, string> secureConfigurations)
    {
        _folder = folder;
        _schema = schema;
        _assemblies = assemblies;
        _secureConfigurations = secureConfigurations;
    }

    public SolutionRegistrations Read()
    {
        if (!Directory.Exists(_folder))
        {
            throw new SolutionRegistrationException($"The solution folder '{_folder}' does not exist.");
        }

        var result = new SolutionRegistrations();
        ReadPluginAssemblies();
        ReadCustomApis(result);
        ReadSteps(result);
        ReadEnvironmentVariables(result);
        ReadRoles(result);
        return result;
    }

    private static XElement LoadRoot(string file)
    {
        try
        {
            return XDocument.Load(file).Root ?? throw new SolutionRegistrationException($"{file}: empty document.");
        }
        catch (System.Xml.XmlException ex)
        {
            throw new SolutionRegistrationException($"{file}: not well-formed XML ({ex.Message}).", ex);
        }
    }

    /// <summary>An attribute or child element value (pac writes some fields either way).</summary>
    private static string? Field(XElement element, string name)
    {
        var value = element.Attribute(name)?.Value ?? element.Element(name)?.Value;
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }

    private static Guid? ParseGuid(string? text) => Guid.TryParse(text?.Trim('{', '}', ' '), out var id) ? id : null;

    private void ReadPluginAssemblies()
    {
        var folder = Path.Combine(_folder, "PluginAssemblies");
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.data.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            _hasPluginAssemblyFiles = true;
            var root = LoadRoot(file);
            foreach (var pluginType in root.Descendants("PluginType"))
            {
                var id = ParseGuid(Field(pluginType, "PluginTypeId"))
                    ?? throw new SolutionRegistrationException($"{file}: a PluginType has no valid PluginTypeId.");
                var name = Field(pluginType, "AssemblyQualifiedName") ?? Field(pluginType, "Name") ?? Field(pluginType, "TypeName")
                    ?? throw new SolutionRegistrationException($"{file}: PluginType {id} has neither AssemblyQualifiedName nor Name.");
                _pluginTypeNamesById[id] = name;
            }
        }
    }

    private Type ResolvePluginType(string typeName, string file)
    {
        var parts = typeName.Split(',', 3, StringSplitOptions.TrimEntries);
        var fullName = parts[0];
        var assemblyName = parts.Length > 1 ? parts[1] : null;
        var candidates = _assemblies
            .Where(a => assemblyName == null || string.Equals(a.GetName().Name, assemblyName, StringComparison.OrdinalIgnoreCase))
            .Select(a => a.GetType(fullName, throwOnError: false))
            .Where(t => t != null)
            .Select(t => t!)
            .ToList();
        if (candidates.Count == 0)
        {
            var searched = _assemblies.Count == 0 ? "no assemblies were given" : "searched " + string.Join(", ", _assemblies.Select(a => a.GetName().Name));
            throw new SolutionRegistrationException($"{file}: plugin type '{typeName}' was not found in the given plugin assemblies ({searched}).");
        }

        var type = candidates[0];
        if (!typeof(IPlugin).IsAssignableFrom(type) || type.IsAbstract)
        {
            throw new SolutionRegistrationException($"{file}: '{type.FullName}' is not a concrete class implementing IPlugin.");
        }

        var hasConstructor = type.GetConstructor(Type.EmptyTypes) != null
            || type.GetConstructor([typeof(string), typeof(string)]) != null;
        if (!hasConstructor)
        {
            throw new SolutionRegistrationException($"{file}: '{type.FullName}' needs a public parameterless constructor or a (string unsecureConfig, string secureConfig) one.");
        }

        return type;
    }

    private void ReadCustomApis(SolutionRegistrations result)
    {
        var folder = Path.Combine(_folder, "customapis");
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "customapi.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var root = LoadRoot(file);
            var apiFolder = Path.GetDirectoryName(file)!;
            var uniqueName = Field(root, "uniquename") ?? Path.GetFileName(apiFolder);
            var bindingText = Field(root, "bindingtype") ?? "0";
            if (!int.TryParse(bindingText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var binding) || binding is < 0 or > 2)
            {
                throw new SolutionRegistrationException($"{file}: bindingtype '{bindingText}' is not 0 (global), 1 (entity) or 2 (entity collection).");
            }

            var boundEntity = Field(root, "boundentitylogicalname");
            if (binding != 0)
            {
                if (boundEntity == null)
                {
                    throw new SolutionRegistrationException($"{file}: Custom API '{uniqueName}' is bound but has no boundentitylogicalname.");
                }

                if (!_schema.HasTable(boundEntity))
                {
                    throw new SolutionRegistrationException($"{file}: Custom API '{uniqueName}' is bound to the unknown table '{boundEntity}'.");
                }
            }

            Type? pluginType = null;
            var pluginTypeIdText = root.Element("plugintypeid")?.Element("plugintypeid")?.Value ?? root.Element("plugintypeid")?.Value;
            if (!string.IsNullOrWhiteSpace(pluginTypeIdText))
            {
                var pluginTypeId = ParseGuid(pluginTypeIdText)
                    ?? throw new SolutionRegistrationException($"{file}: plugintypeid '{pluginTypeIdText}' is not a GUID.");
                if (!_pluginTypeNamesById.TryGetValue(pluginTypeId, out var typeName))
                {
                    throw new SolutionRegistrationException($"{file}: Custom API '{uniqueName}' names plugin type {pluginTypeId}, which no PluginAssemblies/*.data.xml declares.");
                }

                pluginType = ResolvePluginType(typeName, file);
            }

            result.CustomApis[uniqueName] = new CustomApiDefinition
            {
                UniqueName = uniqueName,
                BindingType = binding,
                BoundEntityLogicalName = boundEntity,
                PluginType = pluginType,
                RequestParameters = ReadFields(Path.Combine(apiFolder, "customapirequestparameters"), uniqueName),
                ResponseProperties = ReadFields(Path.Combine(apiFolder, "customapiresponseproperties"), uniqueName),
                ExecutePrivilegeName = Field(root, "executeprivilegename"),
            };
        }
    }

    /// <summary>Roles/*.xml: &lt;Role id name&gt;&lt;RolePrivileges&gt;&lt;RolePrivilege name level /&gt;...</summary>
    private void ReadRoles(SolutionRegistrations result)
    {
        var folder = Path.Combine(_folder, "Roles");
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml").Order(StringComparer.Ordinal))
        {
            var root = LoadRoot(file);
            var id = ParseGuid(root.Attribute("id")?.Value)
                ?? throw new SolutionRegistrationException($"{file}: the role has no id (a GUID in the id attribute).");
            var name = root.Attribute("name")?.Value ?? throw new SolutionRegistrationException($"{file}: the role has no name.");
            var grants = new List<RolePrivilegeGrant>();
            foreach (var privilege in root.Element("RolePrivileges")?.Elements("RolePrivilege") ?? [])
            {
                var privilegeName = privilege.Attribute("name")?.Value;
                var level = privilege.Attribute("level")?.Value;
                if (string.IsNullOrWhiteSpace(privilegeName) || level is not ("Basic" or "Local" or "Deep" or "Global"))
                {
                    throw new SolutionRegistrationException($"{file}: role '{name}' has a RolePrivilege without a name or with level '{level}' (Basic, Local, Deep or Global).");
                }

                grants.Add(new RolePrivilegeGrant(privilegeName, level));
            }

            result.Roles.Add(new RoleDefinition(id, name, grants));
        }
    }

    private static List<CustomApiField> ReadFields(string folder, string apiName)
    {
        var fields = new List<CustomApiField>();
        if (!Directory.Exists(folder))
        {
            return fields;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var root = LoadRoot(file);
            var name = Field(root, "uniquename") ?? Path.GetFileName(Path.GetDirectoryName(file)!);
            var typeText = Field(root, "type");
            if (!int.TryParse(typeText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var typeCode) || !Enum.IsDefined(typeof(CustomApiFieldType), typeCode))
            {
                throw new SolutionRegistrationException($"{file}: '{name}' of Custom API '{apiName}' has the unknown type '{typeText}'.");
            }

            var optional = Field(root, "isoptional") is "1" or "true" or "True";
            fields.Add(new CustomApiField(name, (CustomApiFieldType)typeCode, optional));
        }

        return fields;
    }

    private void ReadSteps(SolutionRegistrations result)
    {
        var folder = Path.Combine(_folder, "SdkMessageProcessingSteps");
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            result.Steps.Add(ReadStep(file, result.CustomApis));
        }
    }

    private StepRegistration ReadStep(string file, Dictionary<string, CustomApiDefinition> customApis)
    {
        var root = LoadRoot(file);
        if (root.Name.LocalName != "SdkMessageProcessingStep")
        {
            throw new SolutionRegistrationException($"{file}: the root element is '{root.Name.LocalName}', expected SdkMessageProcessingStep.");
        }

        var name = Field(root, "Name") ?? throw new SolutionRegistrationException($"{file}: the step has no Name.");
        var id = ParseGuid(Field(root, "SdkMessageProcessingStepId"))
            ?? throw new SolutionRegistrationException($"{file}: step '{name}' has no valid SdkMessageProcessingStepId.");
        var message = MessageOf(file, name, ParseGuid(Field(root, "SdkMessageId")));
        if (!PlatformMessages.Contains(message) && !customApis.ContainsKey(message))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' is registered on message '{message}', which the local Dataverse does not run (supported: {string.Join(", ", PlatformMessages)} and the solution's Custom APIs).");
        }

        var primaryEntity = Field(root, "PrimaryEntity") ?? string.Empty;
        if (primaryEntity == "none")
        {
            primaryEntity = string.Empty;
        }

        TableMetadata? table = null;
        if (primaryEntity.Length > 0)
        {
            table = _schema.FindTable(primaryEntity)
                ?? throw new SolutionRegistrationException($"{file}: step '{name}' is registered on the unknown table '{primaryEntity}'.");
        }
        else if (PlatformMessages.Contains(message))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' on {message} has no PrimaryEntity.");
        }

        var stageText = Field(root, "Stage");
        if (!int.TryParse(stageText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var stageValue) || stageValue is not (10 or 20 or 40))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' has the unknown stage '{stageText}' (expected 10 PreValidation, 20 PreOperation or 40 PostOperation).");
        }

        var modeText = Field(root, "Mode") ?? "0";
        if (modeText is not ("0" or "1"))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' has the unknown mode '{modeText}' (expected 0 synchronous or 1 asynchronous).");
        }

        var isAsync = modeText == "1";
        if (isAsync && stageValue != 40)
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' is asynchronous at stage {stageValue}; asynchronous steps run only in PostOperation (40).");
        }

        var rankText = Field(root, "Rank") ?? "1";
        if (!int.TryParse(rankText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var rank))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' has the non-numeric rank '{rankText}'.");
        }

        var filtering = SplitColumns(Field(root, "FilteringAttributes"));
        if (filtering.Count > 0 && message != "Update")
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' has filtering attributes on {message}; filtering attributes apply to Update only.");
        }

        foreach (var column in filtering)
        {
            RequireColumn(file, name, table!, column, "filtering attribute");
        }

        var typeName = Field(root, "PluginTypeName") ?? throw new SolutionRegistrationException($"{file}: step '{name}' has no PluginTypeName.");
        var pluginTypeId = ParseGuid(Field(root, "PluginTypeId"));
        if (_hasPluginAssemblyFiles && pluginTypeId is { } typeId)
        {
            if (!_pluginTypeNamesById.TryGetValue(typeId, out var declared))
            {
                throw new SolutionRegistrationException($"{file}: step '{name}' names PluginTypeId {typeId}, which no PluginAssemblies/*.data.xml declares.");
            }

            if (!string.Equals(TypeFullName(declared), TypeFullName(typeName), StringComparison.Ordinal))
            {
                throw new SolutionRegistrationException($"{file}: step '{name}' says PluginTypeName '{TypeFullName(typeName)}' but PluginTypeId {typeId} is '{TypeFullName(declared)}'.");
            }
        }

        var images = root.Element("SdkMessageProcessingStepImages")?.Elements("SdkMessageProcessingStepImage")
            .Select(image => ReadImage(file, name, message, stageValue, table, image))
            .ToList() ?? [];
        var duplicateAlias = images.GroupBy(i => i.Alias, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateAlias != null)
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' registers the image alias '{duplicateAlias.Key}' more than once.");
        }

        return new StepRegistration
        {
            Id = id,
            Name = name,
            Message = message,
            PrimaryEntity = primaryEntity,
            Stage = (PipelineStage)stageValue,
            IsAsynchronous = isAsync,
            Rank = rank,
            FilteringAttributes = filtering.ToHashSet(StringComparer.Ordinal),
            Images = images,
            UnsecureConfiguration = Field(root, "CustomConfiguration"),
            SecureConfiguration = _secureConfigurations.GetValueOrDefault(id),
            PluginTypeName = typeName,
            PluginType = ResolvePluginType(typeName, file),
            SourceFile = file,
        };
    }

    private static string TypeFullName(string assemblyQualifiedName) => assemblyQualifiedName.Split(',', 2)[0].Trim();

    private static string MessageOf(string file, string stepName, Guid? messageId)
    {
        if (messageId is { } id && KnownMessageIds.TryGetValue(id, out var known))
        {
            return known;
        }

        // Plugin Registration Tool convention: "<plugin type>: <Message> of <table>" (or "... of any Entity").
        var colon = stepName.LastIndexOf(": ", StringComparison.Ordinal);
        if (colon >= 0)
        {
            var rest = stepName[(colon + 2)..];
            var of = rest.EndsWith(" of", StringComparison.Ordinal) ? rest.Length - 3 : rest.IndexOf(" of ", StringComparison.Ordinal);
            var message = (of >= 0 ? rest[..of] : rest).Trim();
            if (message.Length > 0 && !message.Contains(' ', StringComparison.Ordinal))
            {
                return message;
            }
        }

        throw new SolutionRegistrationException($"{file}: the message of step '{stepName}' is unknown: its SdkMessageId is not a known platform message and its Name does not follow '<type>: <Message> of <table>'.");
    }

    private static List<string> SplitColumns(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(c => c.ToLowerInvariant()).Distinct().ToList();

    private static void RequireColumn(string file, string stepName, TableMetadata table, string column, string what)
    {
        if (!table.HasColumn(column))
        {
            throw new SolutionRegistrationException($"{file}: step '{stepName}' names the {what} '{column}', which table '{table.LogicalName}' does not have.");
        }
    }

    private static ImageRegistration ReadImage(string file, string stepName, string message, int stage, TableMetadata? table, XElement image)
    {
        var alias = Field(image, "EntityAlias") ?? Field(image, "Name")
            ?? throw new SolutionRegistrationException($"{file}: an image of step '{stepName}' has no EntityAlias.");
        var kindText = Field(image, "ImageType");
        if (kindText is not ("0" or "1" or "2"))
        {
            throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}' has the unknown ImageType '{kindText}' (0 pre, 1 post, 2 both).");
        }

        var kind = (ImageKind)int.Parse(kindText, CultureInfo.InvariantCulture);
        var expectedProperty = message switch
        {
            "Create" => "id",
            "Update" or "Delete" => "Target",
            "SetState" => "EntityMoniker",
            _ => throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}': the {message} message has no entity images."),
        };
        var property = Field(image, "MessagePropertyName") ?? expectedProperty;
        if (!string.Equals(property, expectedProperty, StringComparison.Ordinal))
        {
            throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}' has MessagePropertyName '{property}'; {message} images use '{expectedProperty}'.");
        }

        var registration = new ImageRegistration(alias, kind, SplitColumns(Field(image, "Attributes")), property);

        // Pre-images do not exist for Create and post-images do not exist for Delete; post-images exist only in
        // PostOperation (https://learn.microsoft.com/power-apps/developer/data-platform/understand-the-data-context#entity-images).
        if (registration.IsPre && message == "Create")
        {
            throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}' is a pre-image on Create; Create has no pre-image.");
        }

        if (registration.IsPost && message == "Delete")
        {
            throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}' is a post-image on Delete; Delete has no post-image.");
        }

        if (registration.IsPost && stage != 40)
        {
            throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}' is a post-image at stage {stage}; post-images exist only in PostOperation (40).");
        }

        foreach (var column in registration.Columns)
        {
            RequireColumn(file, stepName, table!, column, $"image '{alias}' column");
        }

        return registration;
    }

    private void ReadEnvironmentVariables(SolutionRegistrations result)
    {
        var folder = Path.Combine(_folder, "environmentvariabledefinitions");
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var file in Directory.EnumerateFiles(folder, "environmentvariabledefinition.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var root = LoadRoot(file);
            var schemaName = Field(root, "schemaname") ?? Path.GetFileName(Path.GetDirectoryName(file)!);
            var row = new Entity("environmentvariabledefinition");
            row["schemaname"] = schemaName;
            var displayName = root.Element("displayname")?.Attribute("default")?.Value ?? Field(root, "displayname");
            if (displayName != null)
            {
                row["displayname"] = displayName;
            }

            if (Field(root, "defaultvalue") is { } defaultValue)
            {
                row["defaultvalue"] = defaultValue;
            }

            if (int.TryParse(Field(root, "type"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var type))
            {
                row["type"] = new OptionSetValue(type);
            }

            result.EnvironmentVariableDefinitions.Add(row);
        }
    }
}
