using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.SolutionModel;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Registration;

/// <summary>What an unpacked solution registers: steps, Custom APIs, environment variable definitions and roles.</summary>
internal sealed class SolutionRegistrations
{
    public List<StepRegistration> Steps { get; } = [];

    public Dictionary<string, CustomApiRegistration> CustomApis { get; } = new(StringComparer.Ordinal);

    public List<Entity> EnvironmentVariableDefinitions { get; } = [];

    public List<RoleDefinition> Roles { get; } = [];
}

/// <summary>
/// Turns the solution model's steps, plugin types, Custom APIs, environment variables and roles into what the pipeline
/// runs, resolving every plugin type in the given assemblies. Anything the platform would refuse fails with a
/// <see cref="SolutionRegistrationException"/> naming the file and the reason.
/// </summary>
internal sealed class SolutionReader
{
    private readonly SolutionSource _source;
    private readonly SchemaCatalog _schema;
    private readonly IReadOnlyList<Assembly> _assemblies;
    private readonly IReadOnlyDictionary<Guid, string> _secureConfigurations;
    private readonly Dictionary<Guid, string> _pluginTypeNamesById = new();

    public SolutionReader(SolutionSource source, SchemaCatalog schema, IReadOnlyList<Assembly> assemblies, IReadOnlyDictionary<Guid, string> secureConfigurations)
    {
        _source = source;
        _schema = schema;
        _assemblies = assemblies;
        _secureConfigurations = secureConfigurations;
    }

    /// <summary>
    /// Reads <paramref name="folder"/> through the solution model; a malformed file fails naming it. Packaging files
    /// the local Dataverse does not run (Other/Solution.xml, Other/Customizations.xml) may be absent.
    /// </summary>
    public static SolutionSource ReadSource(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new SolutionRegistrationException($"The solution folder '{folder}' does not exist.");
        }

        var source = SolutionSourceReader.Read(folder);
        var fatal = source.ReadFindings.FirstOrDefault(f => File.Exists(Path.Combine(source.RootDirectory, f.File)) || Directory.Exists(Path.Combine(source.RootDirectory, f.File)));
        if (fatal != null)
        {
            throw new SolutionRegistrationException($"{Path.Combine(source.RootDirectory, fatal.File)}: {fatal.Message}");
        }

        return source;
    }

    public SolutionRegistrations Read()
    {
        var result = new SolutionRegistrations();
        foreach (var type in _source.PluginAssemblies.SelectMany(a => a.PluginTypes))
        {
            _pluginTypeNamesById[type.Id] = type.AssemblyQualifiedName;
        }

        foreach (var api in _source.CustomApis)
        {
            result.CustomApis[api.UniqueName] = ReadCustomApi(api);
        }

        foreach (var step in _source.Steps.OrderBy(s => s.File, StringComparer.Ordinal))
        {
            result.Steps.Add(ReadStep(step, result.CustomApis));
        }

        foreach (var variable in _source.EnvironmentVariables)
        {
            result.EnvironmentVariableDefinitions.Add(EnvironmentVariableRow(variable));
        }

        foreach (var role in _source.Roles)
        {
            result.Roles.Add(CheckRole(role));
        }

        return result;
    }

    private string PathOf(string file) => Path.Combine(_source.RootDirectory, file);

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

    private CustomApiRegistration ReadCustomApi(CustomApiDefinition api)
    {
        var file = PathOf(api.File);
        var uniqueName = api.UniqueName.Length > 0 ? api.UniqueName : Path.GetFileName(Path.GetDirectoryName(file)!);
        var binding = api.BindingType;
        if (binding is < 0 or > 2)
        {
            throw new SolutionRegistrationException($"{file}: bindingtype '{api.BindingType}' is not 0 (global), 1 (entity) or 2 (entity collection).");
        }

        if (binding != 0)
        {
            if (api.BoundEntity == null)
            {
                throw new SolutionRegistrationException($"{file}: Custom API '{uniqueName}' is bound but has no boundentitylogicalname.");
            }

            if (!_schema.HasTable(api.BoundEntity))
            {
                throw new SolutionRegistrationException($"{file}: Custom API '{uniqueName}' is bound to the unknown table '{api.BoundEntity}'.");
            }
        }

        Type? pluginType = null;
        if (api.PluginTypeId is { } pluginTypeId)
        {
            if (!_pluginTypeNamesById.TryGetValue(pluginTypeId, out var typeName))
            {
                throw new SolutionRegistrationException($"{file}: Custom API '{uniqueName}' names plugin type {pluginTypeId}, which no PluginAssemblies/*.data.xml declares.");
            }

            pluginType = ResolvePluginType(typeName, file);
        }

        return new CustomApiRegistration
        {
            UniqueName = uniqueName,
            BindingType = binding,
            BoundEntityLogicalName = binding == 0 ? null : api.BoundEntity,
            PluginType = pluginType,
            RequestParameters = api.RequestParameters.Select(f => Parameter(f, uniqueName)).ToList(),
            ResponseProperties = api.ResponseProperties.Select(f => Parameter(f, uniqueName)).ToList(),
            ExecutePrivilegeName = api.ExecutePrivilegeName,
        };
    }

    private CustomApiParameter Parameter(CustomApiField field, string apiName)
    {
        if (!Enum.IsDefined(typeof(CustomApiFieldType), field.Type))
        {
            throw new SolutionRegistrationException($"{PathOf(field.File)}: '{field.Name}' of Custom API '{apiName}' has the unknown type '{field.Type}'.");
        }

        return new CustomApiParameter(field.Name, (CustomApiFieldType)field.Type, field.IsOptional);
    }

    private RoleDefinition CheckRole(RoleDefinition role)
    {
        var file = PathOf(role.File);
        if (role.Id == Guid.Empty)
        {
            throw new SolutionRegistrationException($"{file}: the role has no id (a GUID in the id attribute).");
        }

        if (role.Name.Length == 0)
        {
            throw new SolutionRegistrationException($"{file}: the role has no name.");
        }

        var bad = role.Grants.FirstOrDefault(g => string.IsNullOrWhiteSpace(g.Name) || g.Level is not ("Basic" or "Local" or "Deep" or "Global"));
        if (bad != null)
        {
            throw new SolutionRegistrationException($"{file}: role '{role.Name}' has a RolePrivilege without a name or with level '{bad.Level}' (Basic, Local, Deep or Global).");
        }

        return role;
    }

    private StepRegistration ReadStep(StepDefinition step, Dictionary<string, CustomApiRegistration> customApis)
    {
        var file = PathOf(step.File);
        var name = step.Name.Length > 0 ? step.Name : throw new SolutionRegistrationException($"{file}: the step has no Name.");
        var message = step.MessageName
            ?? throw new SolutionRegistrationException($"{file}: the message of step '{name}' is unknown: its SdkMessageId is not a known platform message and its Name does not follow '<type>: <Message> of <table>'.");
        if (!PlatformMessages.TableMessages.Contains(message) && !customApis.ContainsKey(message))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' is registered on message '{message}', which the local Dataverse does not run (supported: {string.Join(", ", PlatformMessages.TableMessages)} and the solution's Custom APIs).");
        }

        var primaryEntity = step.PrimaryEntity == "none" ? string.Empty : step.PrimaryEntity;
        TableMetadata? table = null;
        if (primaryEntity.Length > 0)
        {
            table = _schema.FindTable(primaryEntity)
                ?? throw new SolutionRegistrationException($"{file}: step '{name}' is registered on the unknown table '{primaryEntity}'.");
        }
        else if (PlatformMessages.TableMessages.Contains(message))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' on {message} has no PrimaryEntity.");
        }

        if (step.Stage is not (10 or 20 or 40))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' has the unknown stage '{step.Stage}' (expected 10 PreValidation, 20 PreOperation or 40 PostOperation).");
        }

        if (step.Mode is not (0 or 1))
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' has the unknown mode '{step.Mode}' (expected 0 synchronous or 1 asynchronous).");
        }

        var isAsync = step.Mode == 1;
        if (isAsync && step.Stage != 40)
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' is asynchronous at stage {step.Stage}; asynchronous steps run only in PostOperation (40).");
        }

        if (step.Rank < 0)
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' has a rank that is not a whole number of 0 or more.");
        }

        if (step.FilteringAttributes.Count > 0 && message != "Update")
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' has filtering attributes on {message}; filtering attributes apply to Update only.");
        }

        foreach (var column in step.FilteringAttributes)
        {
            RequireColumn(file, name, table!, column, "filtering attribute");
        }

        var typeName = step.PluginTypeName.Length > 0 ? step.PluginTypeName : throw new SolutionRegistrationException($"{file}: step '{name}' has no PluginTypeName.");
        if (_source.PluginAssemblies.Count > 0 && step.PluginTypeId is { } typeId)
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

        var images = step.Images.Select(image => ReadImage(file, name, message, step.Stage, table, image)).ToList();
        var duplicateAlias = images.GroupBy(i => i.Alias, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicateAlias != null)
        {
            throw new SolutionRegistrationException($"{file}: step '{name}' registers the image alias '{duplicateAlias.Key}' more than once.");
        }

        return new StepRegistration
        {
            Id = step.Id,
            Name = name,
            Message = message,
            PrimaryEntity = primaryEntity,
            Stage = (PipelineStage)step.Stage,
            IsAsynchronous = isAsync,
            Rank = step.Rank,
            FilteringAttributes = step.FilteringAttributes.ToHashSet(StringComparer.Ordinal),
            Images = images,
            UnsecureConfiguration = step.CustomConfiguration,
            SecureConfiguration = _secureConfigurations.GetValueOrDefault(step.Id),
            PluginTypeName = typeName,
            PluginType = ResolvePluginType(typeName, file),
            SourceFile = file,
        };
    }

    private static string TypeFullName(string assemblyQualifiedName) => assemblyQualifiedName.Split(',', 2)[0].Trim();

    private static void RequireColumn(string file, string stepName, TableMetadata table, string column, string what)
    {
        if (!table.HasColumn(column))
        {
            throw new SolutionRegistrationException($"{file}: step '{stepName}' names the {what} '{column}', which table '{table.LogicalName}' does not have.");
        }
    }

    private static ImageRegistration ReadImage(string file, string stepName, string message, int stage, TableMetadata? table, StepImageDefinition image)
    {
        var alias = image.Alias.Length > 0 ? image.Alias : throw new SolutionRegistrationException($"{file}: an image of step '{stepName}' has no EntityAlias.");
        if (image.ImageType is not (0 or 1 or 2))
        {
            throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}' has the unknown ImageType '{image.ImageType}' (0 pre, 1 post, 2 both).");
        }

        var expectedProperty = message switch
        {
            "Create" => "id",
            "Update" or "Delete" => "Target",
            "SetState" => "EntityMoniker",
            _ => throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}': the {message} message has no entity images."),
        };
        var property = image.MessagePropertyName.Length > 0 ? image.MessagePropertyName : expectedProperty;
        if (!string.Equals(property, expectedProperty, StringComparison.Ordinal))
        {
            throw new SolutionRegistrationException($"{file}: image '{alias}' of step '{stepName}' has MessagePropertyName '{property}'; {message} images use '{expectedProperty}'.");
        }

        var registration = new ImageRegistration(alias, (ImageKind)image.ImageType, image.Attributes, property);

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

    private static Entity EnvironmentVariableRow(EnvironmentVariableDefinition variable)
    {
        var schemaName = variable.SchemaName.Length > 0 ? variable.SchemaName : Path.GetFileName(Path.GetDirectoryName(variable.File)!);
        var row = new Entity("environmentvariabledefinition");
        row["schemaname"] = schemaName;
        if (variable.DisplayName is { Length: > 0 } displayName)
        {
            row["displayname"] = displayName;
        }

        if (!string.IsNullOrWhiteSpace(variable.DefaultValue))
        {
            row["defaultvalue"] = variable.DefaultValue.Trim();
        }

        if (variable.Type >= 0)
        {
            row["type"] = new OptionSetValue(variable.Type);
        }

        return row;
    }
}
