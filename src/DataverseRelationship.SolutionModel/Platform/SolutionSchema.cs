using System;
using System.Collections.Generic;
using System.Linq;

namespace DataverseRelationship.SolutionModel;

/// <summary>
/// Every table an environment with the solution installed has, whole: the standard tables (<see cref="StandardTables"/>)
/// with the columns the solution adds to them, and the solution's own tables with the system columns every custom
/// table carries; lookup targets completed from the relationships. The local Dataverse stores rows by it, the
/// validator checks names and types against it, and the command line takes ranges and choices from it.
/// </summary>
public sealed class SolutionSchema
{
    private readonly Dictionary<string, TableDefinition> _tables;
    private readonly Dictionary<string, string> _tableBySet;

    private SolutionSchema(IEnumerable<TableDefinition> tables, IReadOnlyList<RelationshipDefinition> relationships)
    {
        _tables = tables.ToDictionary(t => t.LogicalName, StringComparer.OrdinalIgnoreCase);
        _tableBySet = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var table in _tables.Values.Where(t => t.EntitySetName is not null))
        {
            _tableBySet.TryAdd(table.EntitySetName!, table.LogicalName);
        }

        Relationships = relationships;
    }

    /// <summary>The standard tables alone (an environment without the solution).</summary>
    public static SolutionSchema Standard { get; } = new(StandardTables.All.Values, StandardTables.Relationships);

    /// <summary>Every table, in a stable order (standard tables first).</summary>
    public IEnumerable<TableDefinition> Tables => _tables.Values;

    /// <summary>The standard relationships and the solution's, later ones replacing earlier ones on the same lookup.</summary>
    public IReadOnlyList<RelationshipDefinition> Relationships { get; }

    /// <summary>The table, or null.</summary>
    public TableDefinition? FindTable(string logicalName) => _tables.GetValueOrDefault(logicalName);

    /// <summary>The column of a table, or null when the table or the column does not exist.</summary>
    public ColumnDefinition? FindColumn(string table, string column) => FindTable(table)?.FindColumn(column);

    /// <summary>The table whose Web API entity set this is, or null.</summary>
    public string? TableForEntitySet(string entitySet) => _tableBySet.GetValueOrDefault(entitySet);

    /// <summary>The whole schema of <paramref name="source"/>: standard tables merged with what the solution defines.</summary>
    public static SolutionSchema Of(SolutionSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var tables = new Dictionary<string, TableDefinition>(StandardTables.All, StringComparer.OrdinalIgnoreCase);
        foreach (var defined in source.Tables.OrderBy(t => t.File, StringComparer.Ordinal))
        {
            var added = defined.Columns.Where(c => !string.Equals(c.Type, "primarykey", StringComparison.OrdinalIgnoreCase)).SelectMany(WithBaseColumn).ToList();
            if (tables.TryGetValue(defined.LogicalName, out var standard))
            {
                tables[standard.LogicalName] = standard with { File = defined.File, Columns = Merge(standard.Columns, added) };
            }
            else
            {
                tables[defined.LogicalName] = CustomTable(defined, added);
            }
        }

        var relationships = new List<RelationshipDefinition>(StandardTables.Relationships);
        foreach (var relationship in source.Relationships)
        {
            relationships.RemoveAll(r => r.ReferencingTable == relationship.ReferencingTable && r.ReferencingAttribute == relationship.ReferencingAttribute
                && r.ReferencedTable == relationship.ReferencedTable);
            relationships.Add(relationship);
            if (tables.TryGetValue(relationship.ReferencingTable, out var referencing)
                && referencing.FindColumn(relationship.ReferencingAttribute) is { Kind: ColumnType.Lookup } lookup
                && !lookup.Targets.Contains(relationship.ReferencedTable, StringComparer.Ordinal))
            {
                tables[referencing.LogicalName] = referencing with { Columns = Merge(referencing.Columns, [lookup with { Targets = [.. lookup.Targets, relationship.ReferencedTable] }]) };
            }
        }

        return new SolutionSchema(tables.Values, relationships);
    }

    /// <summary>A currency column comes with its platform-computed _base companion (unless the source already names it).</summary>
    private static IEnumerable<ColumnDefinition> WithBaseColumn(ColumnDefinition column)
    {
        yield return column;
        if (column.Kind == ColumnType.Currency && !column.LogicalName.EndsWith("_base", StringComparison.Ordinal))
        {
            yield return column with
            {
                LogicalName = column.LogicalName + "_base",
                IsPlatformSet = true,
                ValidForCreateApi = false,
                ValidForUpdateApi = false,
                MinValue = -StandardTableBuilder.MoneyBaseLimit,
                MaxValue = StandardTableBuilder.MoneyBaseLimit,
            };
        }
    }

    private static List<ColumnDefinition> Merge(IReadOnlyList<ColumnDefinition> columns, IReadOnlyList<ColumnDefinition> added)
    {
        var names = new HashSet<string>(added.Select(c => c.LogicalName), StringComparer.OrdinalIgnoreCase);
        return [.. columns.Where(c => !names.Contains(c.LogicalName)), .. added.GroupBy(c => c.LogicalName, StringComparer.OrdinalIgnoreCase).Select(g => g.Last())];
    }

    /// <summary>
    /// A new table: its columns, plus the system columns Dataverse gives every user-owned custom table that its
    /// Entity.xml does not list (owner, audit, state; transaction currency when it has currency columns).
    /// </summary>
    private static TableDefinition CustomTable(TableDefinition defined, List<ColumnDefinition> added)
    {
        var system = new StandardTableBuilder(defined.LogicalName, defined.EntitySetName ?? defined.LogicalName + "s", defined.PrimaryIdColumn, defined.PrimaryNameColumn, defined.File);
        system.Owner().Audit().ActiveInactiveState();
        if (added.Any(c => c.Kind == ColumnType.Currency))
        {
            system.Currency();
        }

        var built = system.Build();
        var primaryKey = defined.FindColumn(defined.PrimaryIdColumn) ?? built.FindColumn(defined.PrimaryIdColumn)!;
        var present = new HashSet<string>(added.Select(c => c.LogicalName), StringComparer.OrdinalIgnoreCase);
        var columns = new List<ColumnDefinition> { primaryKey };
        columns.AddRange(added);
        columns.AddRange(built.Columns.Where(c => !present.Contains(c.LogicalName) && c.LogicalName != defined.PrimaryIdColumn));
        return built with
        {
            DefinesTable = defined.DefinesTable,
            Columns = columns,
        };
    }
}
