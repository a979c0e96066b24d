using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.LocalDataverse.Schema;

/// <summary>
/// The tables the local Dataverse stores rows in, built from the solution model's <see cref="SolutionSchema"/> (the
/// standard tables plus every table and column in solution/src), plus any system table a host adds.
/// </summary>
public sealed class SchemaCatalog
{
    private readonly Dictionary<string, TableMetadata> _tables = new(StringComparer.Ordinal);
    private readonly List<CascadeDeleteRule> _cascades = [];

    private SchemaCatalog()
    {
    }

    /// <summary>The standard tables only.</summary>
    public static SchemaCatalog Standard() => Of(SolutionSchema.Standard);

    /// <summary>The tables of <paramref name="schema"/>; a column the local Dataverse cannot store fails naming its file.</summary>
    public static SchemaCatalog Of(SolutionSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var catalog = new SchemaCatalog();
        foreach (var table in schema.Tables)
        {
            catalog.AddTable(ToMetadata(table));
        }

        foreach (var relationship in schema.Relationships)
        {
            catalog.AddRelationship(relationship);
        }

        return catalog;
    }

    /// <summary>The tables of the unpacked solution in <paramref name="solutionFolder"/>, read through the solution model.</summary>
    public static SchemaCatalog FromSolution(string solutionFolder) => Of(SolutionSchema.Of(SolutionReader.ReadSource(solutionFolder)));

    /// <summary>The delete behaviour of every relationship the local Dataverse knows (standard ones and the solution's).</summary>
    public IReadOnlyList<CascadeDeleteRule> CascadeDeletes => _cascades;

    public IEnumerable<TableMetadata> Tables => _tables.Values;

    public bool HasTable(string logicalName) => _tables.ContainsKey(logicalName);

    public TableMetadata? FindTable(string logicalName) => _tables.GetValueOrDefault(logicalName);

    /// <summary>The table, or a platform error naming it.</summary>
    public TableMetadata GetTable(string? logicalName)
    {
        if (string.IsNullOrEmpty(logicalName))
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "The table (entity logical name) is required.");
        }

        return FindTable(logicalName) ?? throw new DataverseFaultException(
            PlatformErrorCodes.QueryBuilderNoAttribute,
            $"Could not find an entity with the logical name '{logicalName}' in the metadata.");
    }

    /// <summary>Adds a table (or replaces the one of the same name).</summary>
    public void AddTable(TableMetadata table)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables[table.LogicalName] = table;
    }

    private static TableMetadata ToMetadata(TableDefinition table)
    {
        var metadata = new TableMetadata(table.LogicalName, table.PrimaryIdColumn, table.PrimaryNameColumn) { EntitySetName = table.EntitySetName };
        foreach (var column in table.Columns)
        {
            if (column.LogicalName == table.PrimaryIdColumn)
            {
                continue;
            }

            if (ToMetadata(column) is { } converted)
            {
                metadata.AddColumn(converted);
            }
        }

        foreach (var (state, status) in table.DefaultStatuses)
        {
            metadata.WithDefaultStatus(state, status);
        }

        return metadata;
    }

    private static ColumnMetadata? ToMetadata(ColumnDefinition column)
    {
        if (column.Kind is not { } type)
        {
            // Virtual columns (the name of a lookup's target, ...) and activity parties hold no stored value.
            return column.Type.Trim().ToLowerInvariant() is "virtual" or "partylist"
                ? null
                : throw new SolutionRegistrationException($"{column.File}: column '{column.LogicalName}' of '{column.Table}' has the unsupported type '{column.Type}'.");
        }

        if (type is ColumnType.Choice or ColumnType.Choices && column.OptionSetName != null && column.Options == null)
        {
            throw new SolutionRegistrationException($"{column.File}: column '{column.LogicalName}' of '{column.Table}' uses the choice '{column.OptionSetName}', which OptionSets/ does not define.");
        }

        var invalid = column.Options?.FirstOrDefault(o => o.Value == int.MinValue);
        if (invalid != null)
        {
            throw new SolutionRegistrationException($"{column.File}: an option value of choice '{column.OptionSetName ?? column.LogicalName}' is not a whole number.");
        }

        return new ColumnMetadata(column.LogicalName, type)
        {
            Targets = column.Targets,
            AllowedValues = type is ColumnType.Choice or ColumnType.Choices or ColumnType.State or ColumnType.Status
                ? column.Options?.Select(o => o.Value).ToHashSet()
                : null,
            MinValue = column.MinValue,
            MaxValue = column.MaxValue,
            MaxLength = column.MaxLength,
            DateBehavior = column.DateBehavior,
            IsPlatformSet = column.IsPlatformSet,
        };
    }

    /// <summary>
    /// A relationship names the lookup column of the referencing table; its CascadeDelete says what deleting the
    /// referenced row does (<c>Other/Relationships/&lt;Table&gt;.xml</c>: ReferencingEntityName, ReferencingAttributeName, ReferencedEntityName).
    /// </summary>
    private void AddRelationship(RelationshipDefinition relationship)
    {
        if (relationship.ReferencingTable.Length == 0 || relationship.ReferencedTable.Length == 0 || relationship.ReferencingAttribute.Length == 0)
        {
            throw new SolutionRegistrationException($"{relationship.File}: relationship '{relationship.Name}' lacks ReferencingEntityName, ReferencedEntityName or ReferencingAttributeName.");
        }

        if (FindTable(relationship.ReferencingTable)?.FindColumn(relationship.ReferencingAttribute) == null)
        {
            throw new SolutionRegistrationException($"{relationship.File}: relationship '{relationship.Name}' names column '{relationship.ReferencingAttribute}' of '{relationship.ReferencingTable}', which no Entity.xml defines.");
        }

        if (relationship.CascadeDelete is { } cascadeDelete)
        {
            CascadeDeleteBehavior behavior;
            try
            {
                behavior = CascadeDeleteRule.Parse(cascadeDelete, $"{relationship.File}: relationship '{relationship.Name}'");
            }
            catch (ArgumentException ex)
            {
                throw new SolutionRegistrationException(ex.Message, ex);
            }

            _cascades.RemoveAll(c => c.ReferencingTable == relationship.ReferencingTable && c.ReferencingColumn == relationship.ReferencingAttribute && c.ReferencedTable == relationship.ReferencedTable);
            _cascades.Add(new CascadeDeleteRule(relationship.Name, relationship.ReferencingTable, relationship.ReferencingAttribute, relationship.ReferencedTable, behavior, relationship.File));
        }
    }
}
