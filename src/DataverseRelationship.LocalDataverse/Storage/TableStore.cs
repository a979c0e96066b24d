using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>
/// The rows of one table, with equality indexes on its lookup and unique-identifier columns. An index is built the
/// first time a query looks a column up and kept up to date from then on; its row ids are in key order, so a query
/// ordered by the primary key reads one page of an index without sorting the rest. A key-ordered set of every id is
/// kept the same way for queries ordered by the primary key that no index serves, and date orders
/// (<see cref="DateOrderIndex"/>) for queries on a date range ordered by that date.
/// </summary>
internal sealed class TableStore
{
    private static readonly SortedSet<Guid> None = [];
    private readonly Dictionary<string, Dictionary<Guid, SortedSet<Guid>>> _indexes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _indexable;
    private readonly Dictionary<(string Date, string? Group), DateOrderIndex> _dateOrders = new();
    private SortedSet<Guid>? _keyOrder;

    public TableStore(TableMetadata metadata)
    {
        Metadata = metadata;
        Layout = new RowLayout(metadata);
        _indexable = new HashSet<string>(metadata.IndexedColumns.Select(c => c.LogicalName), StringComparer.Ordinal);
    }

    public TableMetadata Metadata { get; }

    public RowLayout Layout { get; }

    public Dictionary<Guid, StoredRow> Rows { get; } = new();

    public bool IsIndexed(string column) => _indexable.Contains(column);

    /// <summary>Ids of the rows whose indexed <paramref name="column"/> holds <paramref name="value"/>, in key order.</summary>
    public IReadOnlyCollection<Guid> Lookup(string column, Guid value) =>
        Index(column).TryGetValue(value, out var ids) ? ids : None;

    /// <summary>
    /// The rows in the order of <paramref name="dateColumn"/>, grouped by the indexed lookup <paramref name="groupColumn"/>
    /// (null: one group); built on first use and kept up to date from then on.
    /// </summary>
    public DateOrderIndex DateOrder(string dateColumn, string? groupColumn)
    {
        if (_dateOrders.TryGetValue((dateColumn, groupColumn), out var index))
        {
            return index;
        }

        index = new DateOrderIndex(dateColumn, groupColumn);
        foreach (var row in Rows.Values)
        {
            index.Add(row);
        }

        _dateOrders[(dateColumn, groupColumn)] = index;
        return index;
    }

    /// <summary>Every row id in key order.</summary>
    public SortedSet<Guid> KeyOrder => _keyOrder ??= new SortedSet<Guid>(Rows.Keys);

    public void Put(StoredRow row)
    {
        if (Rows.TryGetValue(row.Id, out var previous))
        {
            Unindex(previous);
        }
        else
        {
            _keyOrder?.Add(row.Id);
        }

        Rows[row.Id] = row;
        AddToIndexes(row);
    }

    public void Remove(Guid id)
    {
        if (Rows.Remove(id, out var previous))
        {
            Unindex(previous);
            _keyOrder?.Remove(id);
        }
    }

    /// <summary>The id a stored lookup or unique-identifier cell holds; null for anything else.</summary>
    internal static Guid? KeyOf(object? stored) => stored switch
    {
        StoredReference reference => reference.Id,
        Microsoft.Xrm.Sdk.EntityReference reference => reference.Id,
        Guid id => id,
        _ => null,
    };

    private Dictionary<Guid, SortedSet<Guid>> Index(string column)
    {
        if (_indexes.TryGetValue(column, out var index))
        {
            return index;
        }

        index = [];
        foreach (var row in Rows.Values)
        {
            Add(index, column, row);
        }

        _indexes[column] = index;
        return index;
    }

    private static void Add(Dictionary<Guid, SortedSet<Guid>> index, string column, StoredRow row)
    {
        if (KeyOf(row.GetStored(column)) is { } key)
        {
            if (!index.TryGetValue(key, out var ids))
            {
                ids = [];
                index[key] = ids;
            }

            ids.Add(row.Id);
        }
    }

    private void AddToIndexes(StoredRow row)
    {
        foreach (var (column, index) in _indexes)
        {
            Add(index, column, row);
        }

        foreach (var order in _dateOrders.Values)
        {
            order.Add(row);
        }
    }

    private void Unindex(StoredRow row)
    {
        foreach (var (column, index) in _indexes)
        {
            if (KeyOf(row.GetStored(column)) is { } key && index.TryGetValue(key, out var ids))
            {
                ids.Remove(row.Id);
                if (ids.Count == 0)
                {
                    index.Remove(key);
                }
            }
        }

        foreach (var order in _dateOrders.Values)
        {
            order.Remove(row);
        }
    }
}
