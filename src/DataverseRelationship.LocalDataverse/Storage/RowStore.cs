using System;
using System.Collections.Generic;
using DataverseRelationship.LocalDataverse.Schema;

namespace DataverseRelationship.LocalDataverse.Storage;

/// <summary>The in-memory tables. Every write made while a <see cref="Transaction"/> is open is recorded so it can be undone.</summary>
internal sealed class RowStore
{
    private readonly Dictionary<string, TableStore> _tables = new(StringComparer.Ordinal);
    private readonly SchemaCatalog _schema;
    private long _lastVersion;

    public RowStore(SchemaCatalog schema) => _schema = schema;

    /// <summary>The transaction writes are recorded in, if any.</summary>
    public Transaction? Active { get; set; }

    /// <summary>Cell forms and the shared boxes and references of the stored values.</summary>
    public StoredValues Values { get; } = new();

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

    /// <summary>A draft of a new row, or of the next version of <paramref name="current"/>.</summary>
    public RowDraft Draft(string table, StoredRow? current = null) => new(Table(table).Layout, Values, current);

    /// <summary>Stores a draft as the row's next version (a new row version is taken) and returns the stored row.</summary>
    public StoredRow Write(RowDraft draft, Guid id)
    {
        var row = draft.ToRow(id, ++_lastVersion);
        var table = Table(row.Table);
        Active?.RecordUndo(this, row.Table, row.Id, table.Rows.GetValueOrDefault(row.Id));
        table.Put(row);
        return row;
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
