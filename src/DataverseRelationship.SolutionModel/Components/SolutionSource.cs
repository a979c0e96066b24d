using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionModel;

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
    /// <summary>The table with this logical name as the solution defines it (only the columns it adds), or null.</summary>
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

/// <summary>A GUID that identifies a component where it is defined (not where it is referenced).</summary>
public sealed record ComponentId(Guid Id, string Kind, string File);
