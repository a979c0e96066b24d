using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Observability;

/// <summary>
/// One operation of a committed transaction, as an asynchronous subscriber (a webhook, a cloud flow's Dataverse trigger)
/// learns of it after the commit: message, table, row, who made it, the columns the request carried and the row after it.
/// Operations of a transaction that rolled back are never published.
/// </summary>
public sealed class CommittedOperation
{
    private readonly Lazy<Entity?> _row;

    /// <summary>An operation whose row is <paramref name="row"/>'s copy, made only when a subscriber asks for it.</summary>
    /// <param name="message">Create, Update, Delete, SetState, WinOpportunity... or a Custom API name.</param>
    /// <param name="table">The primary table ("none" for a global Custom API).</param>
    /// <param name="rowId">The primary row (empty for a global Custom API).</param>
    /// <param name="userId">The user the request ran as (SYSTEM for a plugin's system service).</param>
    /// <param name="initiatingUserId">The user who started the chain.</param>
    /// <param name="requestColumns">The columns the Create or Update request carried when the pipeline finished.</param>
    /// <param name="row">Makes a copy of the row after the operation (stored rows are immutable, so the copy is the same whenever it is made).</param>
    /// <param name="at">The operation's time on the local clock.</param>
    public CommittedOperation(string message, string table, Guid rowId, Guid userId, Guid initiatingUserId, IReadOnlyCollection<string> requestColumns, Func<Entity?> row, DateTime at)
    {
        Message = message;
        Table = table;
        RowId = rowId;
        UserId = userId;
        InitiatingUserId = initiatingUserId;
        RequestColumns = requestColumns;
        _row = new Lazy<Entity?>(row);
        At = at;
    }

    /// <summary>Create, Update, Delete, SetState, WinOpportunity... or a Custom API name.</summary>
    public string Message { get; }

    /// <summary>The primary table ("none" for a global Custom API).</summary>
    public string Table { get; }

    /// <summary>The primary row (empty for a global Custom API).</summary>
    public Guid RowId { get; }

    /// <summary>The user the request ran as (SYSTEM for a plugin's system service).</summary>
    public Guid UserId { get; }

    /// <summary>The user who started the chain.</summary>
    public Guid InitiatingUserId { get; }

    /// <summary>The columns the Create or Update request carried when the pipeline finished (plugins may have added or removed some).</summary>
    public IReadOnlyCollection<string> RequestColumns { get; }

    /// <summary>The row after the operation (all its columns; null for Delete and Custom APIs), copied on first use.</summary>
    public Entity? Row => _row.Value;

    /// <summary>The operation's time on the local clock.</summary>
    public DateTime At { get; }
}

/// <summary>The operations of one committed transaction, in the order they finished.</summary>
public sealed class CommittedOperationsEventArgs(IReadOnlyList<CommittedOperation> operations) : EventArgs
{
    /// <summary>Every operation the transaction committed (nested plugin operations included), in the order they finished.</summary>
    public IReadOnlyList<CommittedOperation> Operations { get; } = operations;
}
