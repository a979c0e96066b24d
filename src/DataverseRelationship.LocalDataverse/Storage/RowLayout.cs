using System;
using System.Collections.Generic;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>
/// The cell positions of one table's stored rows: a column gets the next position the first time a row of the table
/// holds it, so rows carry only the columns the table has ever held, one array slot each.
/// </summary>
internal sealed class RowLayout
{
    private readonly Dictionary<string, int> _ordinals = new(StringComparer.Ordinal);
    private readonly List<string> _names = [];
    private readonly List<ColumnType?> _types = [];
    private readonly Dictionary<int, ColumnPlan[]> _plans = [];

    public RowLayout(TableMetadata table)
    {
        Table = table;
        HasVersionNumber = table.HasColumn(VersionNumberColumn);
    }

    /// <summary>versionnumber: the row version, kept on the row rather than in a cell.</summary>
    public const string VersionNumberColumn = "versionnumber";

    public TableMetadata Table { get; }

    public string TableName => Table.LogicalName;

    /// <summary>Whether the table declares versionnumber (every table with audit columns does).</summary>
    public bool HasVersionNumber { get; }

    public int Count => _names.Count;

    public string NameAt(int ordinal) => _names[ordinal];

    /// <summary>The column's type, or null for a column the metadata does not declare (kept as given).</summary>
    public ColumnType? TypeAt(int ordinal) => _types[ordinal];

    public bool TryGetOrdinal(string column, out int ordinal) => _ordinals.TryGetValue(column, out ordinal);

    /// <summary>The column's position, assigning the next one on first use.</summary>
    public int OrdinalOf(string column)
    {
        if (!_ordinals.TryGetValue(column, out var ordinal))
        {
            ordinal = _names.Count;
            _ordinals[column] = ordinal;
            _names.Add(column);
            _types.Add(Table.FindColumn(column)?.Type);
        }

        return ordinal;
    }

    /// <summary>
    /// The plan of a column set, made once per distinct list of names and layout (found by a hash of the names, so
    /// looking it up allocates nothing): a plan made before a column got its position would miss it, so a plan is
    /// remade when the layout has grown since.
    /// </summary>
    public ColumnPlan PlanFor(IReadOnlyList<string> columns)
    {
        var hash = columns.Count;
        for (var i = 0; i < columns.Count; i++)
        {
            hash = unchecked((hash * 31) + StringComparer.Ordinal.GetHashCode(columns[i]));
        }

        if (_plans.TryGetValue(hash, out var plans))
        {
            for (var i = 0; i < plans.Length; i++)
            {
                if (plans[i].IsFor(columns))
                {
                    if (plans[i].LayoutCount != Count)
                    {
                        plans[i] = new ColumnPlan(this, columns);
                    }

                    return plans[i];
                }
            }
        }

        var plan = new ColumnPlan(this, columns);
        _plans[hash] = plans is null ? [plan] : [.. plans, plan];
        return plan;
    }
}
