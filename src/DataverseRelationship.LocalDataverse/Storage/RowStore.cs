using System;
using System.Collections.Generic;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>One stored row. Rows are replaced, never mutated, so an undo entry can keep the previous instance.</summary>
internal sealed class StoredRow
{
    public StoredRow(string table, Guid id, Dictionary<string, object?> values)
    {
        Table = table;
        Id = id;
        Values = values;
    }

    public string Table { get; }

    public Guid Id { get; }

    public Dictionary<string, object?> Values { get; }

    /// <summary>A copy as an SDK entity, restricted to <paramref name="columns"/> when given.</summary>
    public Entity ToEntity(IEnumerable<string>? columns = null)
    {
        var entity = new Entity(Table, Id);
        if (columns == null)
        {
            foreach (var pair in Values)
            {
                entity.Attributes[pair.Key] = ValueCopy.Clone(pair.Value)!;
            }
        }
        else
        {
            foreach (var column in columns)
            {
                if (Values.TryGetValue(column, out var value) && !entity.Attributes.ContainsKey(column))
                {
                    entity.Attributes[column] = ValueCopy.Clone(value)!;
                }
            }
        }

        return entity;
    }
}

/// <summary>The rows of one table, with equality indexes on its lookup and unique-identifier columns.</summary>
internal sealed class TableStore
{
    private readonly Dictionary<string, Dictionary<Guid, HashSet<Guid>>> _indexes = new(StringComparer.Ordinal);

    public TableStore(TableMetadata metadata)
    {
        Metadata = metadata;
        foreach (var column in metadata.IndexedColumns)
        {
            _indexes[column.LogicalName] = new Dictionary<Guid, HashSet<Guid>>();
        }
    }

    public TableMetadata Metadata { get; }

    public Dictionary<Guid, StoredRow> Rows { get; } = new();

    public bool IsIndexed(string column) => _indexes.ContainsKey(column);

    /// <summary>Ids of the rows whose indexed <paramref name="column"/> holds <paramref name="value"/>.</summary>
    public IReadOnlyCollection<Guid> Lookup(string column, Guid value) =>
        _indexes[column].TryGetValue(value, out var ids) ? ids : Array.Empty<Guid>();

    public void Put(StoredRow row)
    {
        if (Rows.TryGetValue(row.Id, out var previous))
        {
            Unindex(previous);
        }

        Rows[row.Id] = row;
        Index(row);
    }

    public void Remove(Guid id)
    {
        if (Rows.Remove(id, out var previous))
        {
            Unindex(previous);
        }
    }

    private static Guid? KeyOf(object? value) => value switch
    {
        EntityReference reference => reference.Id,
        Guid id => id,
        _ => null,
    };

    private void Index(StoredRow row)
    {
        foreach (var (column, index) in _indexes)
        {
            if (row.Values.TryGetValue(column, out var value) && KeyOf(value) is { } key)
            {
                if (!index.TryGetValue(key, out var ids))
                {
                    ids = [];
                    index[key] = ids;
                }

                ids.Add(row.Id);
            }
        }
    }

    private void Unindex(StoredRow row)
    {
        foreach (var (column, index) in _indexes)
        {
            if (row.Values.TryGetValue(column, out var value) && KeyOf(value) is { } key && index.TryGetValue(key, out var ids))
            {
                ids.Remove(row.Id);
                if (ids.Count == 0)
                {
                    index.Remove(key);
                }
            }
        }
    }
}

/// <summary>The in-memory tables. Every write made while a <see cref="Transaction"/> is open is recorded so it can be undone.</summary>
internal sealed class RowStore
{
    private readonly Dictionary<string, TableStore> _tables = new(StringComparer.Ordinal);
    private readonly SchemaCatalog _schema;

    public RowStore(SchemaCatalog schema) => _schema = schema;

    /// <summary>The transaction writes are recorded in, if any.</summary>
    public Transaction? Active { get; set; }

    public TableStore Table(string logicalName)
    {
        if (!_tables.TryGetValue(logicalName, out var table))
        {
            table = new TableStore(_schema.GetTable(logicalName));
            _tables[logicalName] = table;
        }

        return table;
    }

    public StoredRow? Find(string table, Guid id) => Table(table).Rows.GetValueOrDefault(id);

    public StoredRow Get(string table, Guid id) =>
        Find(table, id) ?? throw new DataverseFaultException(PlatformErrorCodes.ObjectDoesNotExist, $"{table} With Id = {id} Does Not Exist");

    public void Put(StoredRow row)
    {
        var table = Table(row.Table);
        Active?.RecordUndo(this, row.Table, row.Id, table.Rows.GetValueOrDefault(row.Id));
        table.Put(row);
    }

    public void Remove(string table, Guid id)
    {
        var store = Table(table);
        if (store.Rows.TryGetValue(id, out var previous))
        {
            Active?.RecordUndo(this, table, id, previous);
            store.Remove(id);
        }
    }

    /// <summary>Puts back a previous row state (or removes the row when it did not exist), without recording.</summary>
    public void Restore(string table, Guid id, StoredRow? previous)
    {
        var store = Table(table);
        if (previous == null)
        {
            store.Remove(id);
        }
        else
        {
            store.Put(previous);
        }
    }
}

/// <summary>The writes of one database transaction, undone in reverse order on rollback; async steps wait for its commit.</summary>
internal sealed class Transaction
{
    private readonly List<(RowStore Store, string Table, Guid Id, StoredRow? Previous)> _undo = [];

    public List<Pipeline.AsyncJob> PendingAsyncJobs { get; } = [];

    public void RecordUndo(RowStore store, string table, Guid id, StoredRow? previous) => _undo.Add((store, table, id, previous));

    public void Rollback()
    {
        for (var i = _undo.Count - 1; i >= 0; i--)
        {
            var (store, table, id, previous) = _undo[i];
            store.Restore(table, id, previous);
        }

        _undo.Clear();
        PendingAsyncJobs.Clear();
    }
}
