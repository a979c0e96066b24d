using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionModel;

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
