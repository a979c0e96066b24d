using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Observability;

/// <summary>
/// One operation of a committed transaction, as an asynchronous subscriber (a webhook, a cloud flow's Dataverse trigger)
/// learns of it after the commit: message, table, row, who made it, the columns the request carried and the row after it.
/// Operations of a transaction that rolled back are never published.
/// </summary>
/// <param name="Message">Create, Update, Delete, SetState, WinOpportunity... or a Custom API name.</param>
/// <param name="Table">The primary table ("none" for a global Custom API).</param>
/// <param name="RowId">The primary row (empty for a global Custom API).</param>
/// <param name="UserId">The user the request ran as (SYSTEM for a plugin's system service).</param>
/// <param name="InitiatingUserId">The user who started the chain.</param>
/// <param name="RequestColumns">The columns the Create or Update request carried when the pipeline finished (plugins may have added or removed some).</param>
/// <param name="Row">The row after the operation (all its columns; null for Delete and Custom APIs).</param>
/// <param name="At">The operation's time on the local clock.</param>
public sealed record CommittedOperation(
    string Message,
    string Table,
    Guid RowId,
    Guid UserId,
    Guid InitiatingUserId,
    IReadOnlyCollection<string> RequestColumns,
    Entity? Row,
    DateTime At);

/// <summary>The operations of one committed transaction, in the order they finished.</summary>
public sealed class CommittedOperationsEventArgs(IReadOnlyList<CommittedOperation> operations) : EventArgs
{
    /// <summary>Every operation the transaction committed (nested plugin operations included), in the order they finished.</summary>
    public IReadOnlyList<CommittedOperation> Operations { get; } = operations;
}
