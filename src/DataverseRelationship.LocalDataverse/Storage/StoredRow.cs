using System;
using System.Collections.Generic;
using System.Globalization;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>
/// One stored row: its cells in the table's <see cref="RowLayout"/> and its row version. Rows are replaced, never
/// mutated, so an undo entry or a pre-image can keep the previous instance without copying it.
/// </summary>
internal sealed class StoredRow
{
    private readonly object?[] _cells;

    public StoredRow(RowLayout layout, Guid id, object?[] cells, long version)
    {
        Layout = layout;
        Id = id;
        _cells = cells;
        Version = version;
    }

    public RowLayout Layout { get; }

    public string Table => Layout.TableName;

    public Guid Id { get; }

    /// <summary>The row version (versionnumber): a database-wide counter taken on every write, as SQL Server's rowversion.</summary>
    public long Version { get; }

    /// <summary>The row version as the SDK carries it (Entity.RowVersion).</summary>
    public string RowVersion => Version.ToString(CultureInfo.InvariantCulture);

    /// <summary>The cell form of a column (see <see cref="StoredValues"/>): what queries compare.</summary>
    public bool TryGetStored(string column, out object? value)
    {
        value = GetStored(Layout, Layout.TryGetOrdinal(column, out var ordinal) ? ordinal : -1, column);
        return value is not null;
    }

    public object? GetStored(string column) => TryGetStored(column, out var value) ? value : null;

    /// <summary>
    /// <see cref="GetStored(string)"/> with the column's position already looked up in <paramref name="layout"/>
    /// (−1 when the layout had none): a cell read when the row has that layout, the name lookup otherwise.
    /// </summary>
    public object? GetStored(RowLayout layout, int ordinal, string column)
    {
        if (!ReferenceEquals(layout, Layout))
        {
            return GetStored(column);
        }

        if (ordinal >= 0 && ordinal < _cells.Length && _cells[ordinal] is { } cell)
        {
            return cell;
        }

        return Layout.HasVersionNumber && column == RowLayout.VersionNumberColumn ? Version : null;
    }

    /// <summary>A fresh SDK value of a column, or null when the row has none.</summary>
    public object? GetValue(string column) =>
        TryGetStored(column, out var stored) ? StoredValues.ToSdk(stored, Layout.Table.FindColumn(column)?.Type) : null;

    /// <summary>The names of the columns the row holds (versionnumber last, when the table has it).</summary>
    public IEnumerable<string> ColumnNames
    {
        get
        {
            for (var i = 0; i < _cells.Length; i++)
            {
                if (_cells[i] != null)
                {
                    yield return Layout.NameAt(i);
                }
            }

            if (Layout.HasVersionNumber)
            {
                yield return RowLayout.VersionNumberColumn;
            }
        }
    }

    /// <summary>A copy of the cells, for a draft of the next version of this row.</summary>
    internal object?[] CopyCells(int length)
    {
        var copy = new object?[Math.Max(length, _cells.Length)];
        Array.Copy(_cells, copy, _cells.Length);
        return copy;
    }

    /// <summary>A copy as an SDK entity (with its RowVersion) of the columns of a plan made for this row's layout.</summary>
    public Entity ToEntity(ColumnPlan plan)
    {
        var entity = new Entity(Table, Id) { RowVersion = RowVersion };
        var attributes = entity.Attributes;
        for (var i = 0; i < plan.Names.Length; i++)
        {
            var ordinal = plan.Ordinals[i];
            if (ordinal >= 0 && ordinal < _cells.Length && _cells[ordinal] is { } cell)
            {
                attributes[plan.Names[i]] = StoredValues.ToSdk(cell, plan.Types[i])!;
            }
            else if (Layout.HasVersionNumber && plan.Names[i] == RowLayout.VersionNumberColumn)
            {
                attributes[RowLayout.VersionNumberColumn] = Version;
            }
        }

        return entity;
    }

    /// <summary>A copy as an SDK entity (with its RowVersion), restricted to <paramref name="columns"/> when given.</summary>
    public Entity ToEntity(IEnumerable<string>? columns = null)
    {
        var entity = new Entity(Table, Id) { RowVersion = RowVersion };
        var attributes = entity.Attributes;
        if (columns == null)
        {
            for (var i = 0; i < _cells.Length; i++)
            {
                if (_cells[i] is { } cell)
                {
                    attributes[Layout.NameAt(i)] = StoredValues.ToSdk(cell, Layout.TypeAt(i))!;
                }
            }

            if (Layout.HasVersionNumber)
            {
                attributes[RowLayout.VersionNumberColumn] = Version;
            }
        }
        else
        {
            foreach (var column in columns)
            {
                if (!attributes.ContainsKey(column) && GetValue(column) is { } value)
                {
                    attributes[column] = value;
                }
            }
        }

        return entity;
    }
}
