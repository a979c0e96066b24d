using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionPackager.Source;

/// <summary>The unpacked solution source (pac format) read into one model: what every component defines and references.</summary>
public sealed record SolutionSource(
    string RootDirectory,
    SolutionManifest? Manifest,
    IReadOnlyList<TableDefinition> Tables,
    IReadOnlyList<OptionSetDefinition> OptionSets,
    IReadOnlyList<RelationshipDefinition> Relationships,
    IReadOnlyList<FormDefinition> Forms,
    IReadOnlyList<ViewDefinition> Views,
    IReadOnlyList<PluginAssemblyDefinition> PluginAssemblies,
    IReadOnlyList<StepDefinition> Steps,
    IReadOnlyList<CustomApiDefinition> CustomApis,
    IReadOnlyList<FlowDefinition> Flows,
    IReadOnlyList<ConnectionReferenceDefinition> ConnectionReferences,
    IReadOnlyList<EnvironmentVariableDefinition> EnvironmentVariables,
    IReadOnlyList<RoleDefinition> Roles,
    IReadOnlyList<FieldSecurityProfileDefinition> FieldSecurityProfiles,
    IReadOnlyList<ComponentId> ComponentIds,
    IReadOnlyList<ValidationFinding> ReadFindings)
{
    /// <summary>The table with this logical name, or null.</summary>
    public TableDefinition? FindTable(string logicalName) =>
        Tables.FirstOrDefaultOrdinal(t => string.Equals(t.LogicalName, logicalName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The global option set with this name, or null.</summary>
    public OptionSetDefinition? FindOptionSet(string name) =>
        OptionSets.FirstOrDefaultOrdinal(o => string.Equals(o.Name, name, StringComparison.OrdinalIgnoreCase));
}

/// <summary>Other/Solution.xml: the solution's identity, publisher and root components.</summary>
public sealed record SolutionManifest(
    string File,
    string UniqueName,
    string Version,
    int Managed,
    string PublisherUniqueName,
    string CustomizationPrefix,
    int OptionValuePrefix,
    IReadOnlyList<RootComponent> RootComponents);

/// <summary>One RootComponent: its type code (1 table, 2 column, 9 choice, ...), how it is named and its behavior.</summary>
public sealed record RootComponent(int Type, string? SchemaName, Guid? Id, int Behavior);

/// <summary>Entities/&lt;Name&gt;/Entity.xml: a table and the columns the solution defines on it.</summary>
public sealed record TableDefinition(string File, string LogicalName, string? EntitySetName, bool DefinesTable, IReadOnlyList<ColumnDefinition> Columns)
{
    /// <summary>The column with this logical name, or null.</summary>
    public ColumnDefinition? FindColumn(string logicalName) =>
        Columns.FirstOrDefaultOrdinal(c => string.Equals(c.LogicalName, logicalName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One &lt;attribute&gt;: its type as the XML names it (picklist, decimal, money, datetime, ...) and its type details.</summary>
public sealed record ColumnDefinition(
    string File,
    string Table,
    string LogicalName,
    string Type,
    string? OptionSetName,
    OptionSetDefinition? LocalOptionSet,
    decimal? MinValue,
    decimal? MaxValue,
    int? Accuracy,
    int? MaxLength,
    int? DateTimeBehavior,
    string? Format,
    bool IsSecured,
    bool IsCustomField,
    bool ValidForCreateApi,
    bool ValidForUpdateApi);

/// <summary>A choice: a global OptionSets/&lt;name&gt;.xml or a column's local option set.</summary>
public sealed record OptionSetDefinition(string File, string Name, string OptionSetType, bool IsGlobal, IReadOnlyList<OptionValue> Options);

/// <summary>One option of a choice.</summary>
public sealed record OptionValue(int Value, string Label);

/// <summary>A one-to-many relationship: the lookup column on the referencing table and the table it points to.</summary>
public sealed record RelationshipDefinition(string File, string Name, string ReferencingTable, string ReferencedTable, string ReferencingAttribute);

/// <summary>FormXml/&lt;type&gt;/{id}.xml: a form and the fields its controls bind.</summary>
public sealed record FormDefinition(string File, Guid Id, string Table, string Name, IReadOnlyList<FormField> Fields);

/// <summary>A control bound to a column; Disabled means read-only on the form.</summary>
public sealed record FormField(string Column, bool Disabled);

/// <summary>SavedQueries/{id}.xml: a view, the columns its layout and FetchXML name, and its conditions.</summary>
public sealed record ViewDefinition(string File, Guid Id, string Table, string Name, string? FetchEntity, IReadOnlyList<string> Columns, IReadOnlyList<ViewCondition> Conditions);

/// <summary>A FetchXML condition with its value as written.</summary>
public sealed record ViewCondition(string Column, string Operator, string? Value);

/// <summary>PluginAssemblies/&lt;asm&gt;-&lt;id&gt;/&lt;asm&gt;.dll.data.xml.</summary>
public sealed record PluginAssemblyDefinition(string File, Guid Id, string FullName, IReadOnlyList<PluginTypeDefinition> PluginTypes);

/// <summary>A registered plugin type: its id and the CLR type it names.</summary>
public sealed record PluginTypeDefinition(Guid Id, string TypeName, string AssemblyQualifiedName);

/// <summary>SdkMessageProcessingSteps/{id}.xml.</summary>
public sealed record StepDefinition(
    string File,
    Guid Id,
    string Name,
    Guid? MessageId,
    string? MessageName,
    string PluginTypeName,
    Guid? PluginTypeId,
    string PrimaryEntity,
    int Stage,
    int Mode,
    IReadOnlyList<string> FilteringAttributes,
    IReadOnlyList<StepImageDefinition> Images)
{
    /// <summary>The CLR type name part of <see cref="PluginTypeName"/> (before the first comma).</summary>
    public string PluginClrTypeName => PluginTypeName.Split(',')[0].Trim();
}

/// <summary>A pre- or post-image of a step.</summary>
public sealed record StepImageDefinition(Guid Id, string Alias, int ImageType, string MessagePropertyName, IReadOnlyList<string> Attributes);

/// <summary>customapis/&lt;uniquename&gt;/customapi.xml with its request parameters and response properties.</summary>
public sealed record CustomApiDefinition(
    string File,
    string UniqueName,
    int BindingType,
    string? BoundEntity,
    Guid? PluginTypeId,
    IReadOnlyList<CustomApiField> RequestParameters,
    IReadOnlyList<CustomApiField> ResponseProperties,
    string? ExecutePrivilegeName = null);

/// <summary>A custom API request parameter or response property (type codes: 0 Boolean, 7 Integer, 10 String, ...).</summary>
public sealed record CustomApiField(string File, string Name, int Type, bool IsOptional);

/// <summary>A cloud flow (Workflows/&lt;Name&gt;-&lt;id&gt;.json + .json.data.xml) and what it references.</summary>
public sealed record FlowDefinition(
    string File,
    Guid Id,
    string Name,
    int Category,
    string? PrimaryEntity,
    IReadOnlyList<string> ConnectionReferenceNames,
    IReadOnlyList<FlowReference> References);

/// <summary>What a flow references: a table (by logical or entity set name), a column of a table, a custom API or one of its fields, or a connection.</summary>
public sealed record FlowReference(FlowReferenceKind Kind, string Name, string? Table, string Where);

/// <summary>The kinds of things a flow names.</summary>
public enum FlowReferenceKind
{
    Table,
    EntitySet,
    Column,
    CustomApi,
    CustomApiRequestParameter,
    CustomApiResponseProperty,
    Connection,
}

/// <summary>A connection reference in Customizations.xml.</summary>
public sealed record ConnectionReferenceDefinition(string File, string LogicalName, string ConnectorId);

/// <summary>environmentvariabledefinitions/&lt;schema&gt;/environmentvariabledefinition.xml.</summary>
public sealed record EnvironmentVariableDefinition(string File, string SchemaName, int Type, string? DefaultValue);

/// <summary>Roles/&lt;name&gt;.xml.</summary>
public sealed record RoleDefinition(string File, Guid Id, string Name, IReadOnlyList<string> Privileges);

/// <summary>A field security profile in Customizations.xml and the columns it grants.</summary>
public sealed record FieldSecurityProfileDefinition(string File, Guid Id, string Name, IReadOnlyList<FieldPermissionDefinition> Permissions);

/// <summary>One field permission of a field security profile.</summary>
public sealed record FieldPermissionDefinition(string Table, string Column);

/// <summary>A GUID that identifies a component where it is defined (not where it is referenced).</summary>
public sealed record ComponentId(Guid Id, string Kind, string File);
