using System;
using System.Collections.Generic;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>A column set resolved once against a table's <see cref="RowLayout"/>, so projecting many rows looks nothing up per row.</summary>
internal sealed class ColumnPlan
{
    private readonly string[] _requested;

    public ColumnPlan(RowLayout layout, IReadOnlyList<string> columns)
    {
        _requested = [.. columns];
        var names = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (seen.Add(column))
            {
                names.Add(column);
            }
        }

        Names = [.. names];
        Ordinals = new int[Names.Length];
        Types = new ColumnType?[Names.Length];
        for (var i = 0; i < Names.Length; i++)
        {
            Ordinals[i] = layout.TryGetOrdinal(Names[i], out var ordinal) ? ordinal : -1;
            Types[i] = layout.Table.FindColumn(Names[i])?.Type;
        }

        Layout = layout;
        LayoutCount = layout.Count;
    }

    /// <summary>Whether the plan was made for exactly this list of names, in this order.</summary>
    public bool IsFor(IReadOnlyList<string> columns)
    {
        if (columns.Count != _requested.Length)
        {
            return false;
        }

        for (var i = 0; i < _requested.Length; i++)
        {
            if (!string.Equals(columns[i], _requested[i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How many positions the layout had when the plan was made.</summary>
    public int LayoutCount { get; }

    public RowLayout Layout { get; }

    public string[] Names { get; }

    /// <summary>Each column's cell position, or -1 when no row of the table has held it.</summary>
    public int[] Ordinals { get; }

    public ColumnType?[] Types { get; }
}
