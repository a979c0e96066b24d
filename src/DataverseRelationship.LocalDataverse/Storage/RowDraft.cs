using System;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>The next version of a row while a write assembles it: starts from the stored cells, changed column by column.</summary>
internal sealed class RowDraft
{
    private readonly RowLayout _layout;
    private readonly StoredValues _values;
    private object?[] _cells;

    public RowDraft(RowLayout layout, StoredValues values, StoredRow? current)
    {
        _layout = layout;
        _values = values;
        _cells = current?.CopyCells(layout.Count) ?? new object?[layout.Count];
    }

    public TableMetadata Table => _layout.Table;

    public bool Contains(string column) => GetStored(column) != null;

    /// <summary>The cell form of a column (int for a choice, decimal for currency, Guid for a lookup's id is NOT implied).</summary>
    public object? GetStored(string column) =>
        _layout.TryGetOrdinal(column, out var ordinal) && ordinal < _cells.Length ? _cells[ordinal] : null;

    /// <summary>A fresh SDK value of a column, or null.</summary>
    public object? GetValue(string column) =>
        _layout.TryGetOrdinal(column, out var ordinal) && ordinal < _cells.Length ? StoredValues.ToSdk(_cells[ordinal], _layout.TypeAt(ordinal)) : null;

    /// <summary>Sets a column from a checked SDK value; null clears it. versionnumber is the platform's and is never set.</summary>
    public void Set(string column, object? value)
    {
        if (column == RowLayout.VersionNumberColumn && _layout.HasVersionNumber)
        {
            return;
        }

        if (value == null)
        {
            Remove(column);
            return;
        }

        var ordinal = Slot(column);
        _cells[ordinal] = _values.ToStored(value, _layout.TypeAt(ordinal));
    }

    /// <summary>Sets a lookup to a row, sharing the stored reference.</summary>
    public void SetReference(string column, string table, Guid id)
    {
        // Slot may replace the cells array, so it runs before the array is read.
        var ordinal = Slot(column);
        _cells[ordinal] = _values.Reference(table, id);
    }

    /// <summary>Sets a column to a cell form taken from a stored row or draft (shared, as cells are immutable).</summary>
    public void SetStored(string column, object? stored)
    {
        if (stored == null)
        {
            Remove(column);
            return;
        }

        var ordinal = Slot(column);
        _cells[ordinal] = stored;
    }

    public void Remove(string column)
    {
        if (_layout.TryGetOrdinal(column, out var ordinal) && ordinal < _cells.Length)
        {
            _cells[ordinal] = null;
        }
    }

    /// <summary>The column's cell position, the cells grown to hold it.</summary>
    private int Slot(string column)
    {
        var ordinal = _layout.OrdinalOf(column);
        if (ordinal >= _cells.Length)
        {
            Array.Resize(ref _cells, _layout.Count);
        }

        return ordinal;
    }

    /// <summary>The stored row of this draft (the draft must not be changed after).</summary>
    public StoredRow ToRow(Guid id, long version) => new(_layout, id, _cells, version);
}
