using System;
using System.Collections.Generic;

namespace DataverseRelationship.SolutionModel;

/// <summary>
/// A table: in the solution source, Entities/&lt;Name&gt;/Entity.xml with the columns the solution defines on it; in
/// <see cref="SolutionSchema"/>, the whole table (standard columns, the solution's columns and the system columns).
/// </summary>
public sealed record TableDefinition
{
    /// <summary>Where it is defined: a solution file, or the Learn reference page of a standard table.</summary>
    public required string File { get; init; }

    public required string LogicalName { get; init; }

    /// <summary>The schema name (Entity.xml &lt;Name&gt;: Account, dvr_ScoreSnapshot); the logical name when not known.</summary>
    public string? SchemaName { get; init; }

    /// <summary>The Web API entity set name (accounts, opportunities, dvr_tierchanges).</summary>
    public string? EntitySetName { get; init; }

    /// <summary>False for a standard table the solution only adds columns to (entity unmodified="1").</summary>
    public bool DefinesTable { get; init; }

    public required string PrimaryIdColumn { get; init; }

    public string? PrimaryNameColumn { get; init; }

    public required IReadOnlyList<ColumnDefinition> Columns { get; init; }

    /// <summary>statecode value to its default statuscode (empty when the table has no state).</summary>
    public IReadOnlyDictionary<int, int> DefaultStatuses { get; init; } = new Dictionary<int, int>();

    /// <summary>The column with this logical name, or null.</summary>
    public ColumnDefinition? FindColumn(string logicalName) =>
        Columns.FirstOrDefaultOrdinal(c => string.Equals(c.LogicalName, logicalName, StringComparison.OrdinalIgnoreCase));
}

/// <summary>One column: its type as the XML names it and as <see cref="ColumnType"/>, its range, choices and lookup targets.</summary>
public sealed record ColumnDefinition
{
    public required string File { get; init; }

    public required string Table { get; init; }

    public required string LogicalName { get; init; }

    /// <summary>The schema name (the attribute's PhysicalName: dvr_HealthScore); null for standard columns.</summary>
    public string? SchemaName { get; init; }

    /// <summary>What the column holds, as its description in Entity.xml says (the first language).</summary>
    public string? Description { get; init; }

    /// <summary>The type as Entity.xml names it (picklist, decimal, money, datetime, ...).</summary>
    public required string Type { get; init; }

    /// <summary>The type; null for one the model does not store (virtual, partylist).</summary>
    public ColumnType? Kind => ColumnTypes.FromSolutionType(Type);

    /// <summary>The global choice a choice column uses, by name.</summary>
    public string? OptionSetName { get; init; }

    /// <summary>The column's own (local) choice.</summary>
    public OptionSetDefinition? LocalOptionSet { get; init; }

    /// <summary>The options a choice column accepts (its local or global choice); null when not known.</summary>
    public IReadOnlyList<OptionValue>? Options { get; init; }

    public decimal? MinValue { get; init; }

    public decimal? MaxValue { get; init; }

    public int? Accuracy { get; init; }

    public int? MaxLength { get; init; }

    /// <summary>Entity.xml &lt;Behavior&gt; of a date column: 1 user local, 2 date only, 3 time-zone independent.</summary>
    public int? DateTimeBehavior { get; init; }

    public string? Format { get; init; }

    public bool IsSecured { get; init; }

    public bool IsCustomField { get; init; }

    public bool ValidForCreateApi { get; init; }

    public bool ValidForUpdateApi { get; init; }

    /// <summary>Tables a lookup may reference (owner: systemuser, team; customer: account, contact; custom lookups: from their relationship).</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>Set only by the platform (createdon, modifiedon, _base currency columns, fullname, ...).</summary>
    public bool IsPlatformSet { get; init; }

    /// <summary>How a date column stores its value (Behavior, else Format date = date only).</summary>
    public DateBehavior DateBehavior => DateTimeBehavior switch
    {
        2 => DateBehavior.DateOnly,
        3 => DateBehavior.TimeZoneIndependent,
        null when string.Equals(Format, "date", StringComparison.OrdinalIgnoreCase) => DateBehavior.DateOnly,
        _ => DateBehavior.UserLocal,
    };
}

/// <summary>A choice: a global OptionSets/&lt;name&gt;.xml or a column's local option set.</summary>
public sealed record OptionSetDefinition(string File, string Name, string OptionSetType, bool IsGlobal, IReadOnlyList<OptionValue> Options);

/// <summary>One option of a choice; State is the statecode a status reason belongs to.</summary>
public sealed record OptionValue(int Value, string Label, int? State = null);

/// <summary>A one-to-many relationship: the lookup column on the referencing table, the table it points to, and what deleting the referenced row does.</summary>
public sealed record RelationshipDefinition(string File, string Name, string ReferencingTable, string ReferencedTable, string ReferencingAttribute, string? CascadeDelete = null);
