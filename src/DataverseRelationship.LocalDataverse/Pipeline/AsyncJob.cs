using System;
using DataverseRelationship.LocalDataverse.Registration;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The state one pipeline operation carries through its stages.</summary>
internal sealed class OperationRun
{
    public OperationRun(string message, string table, Guid primaryId, Guid? requestId)
    {
        Message = message;
        Table = table;
        PrimaryId = primaryId;
        RequestId = requestId ?? Guid.NewGuid();
    }

    public string Message { get; }

    /// <summary>The primary table, or "none" for a global Custom API.</summary>
    public string Table { get; }

    public Guid PrimaryId { get; set; }

    public Guid RequestId { get; }

    public Guid OperationId { get; } = Guid.NewGuid();

    public DateTime OperationCreatedOn { get; set; }

    public ParameterCollection Input { get; init; } = new();

    public ParameterCollection Output { get; init; } = new();

    public ParameterCollection Shared { get; init; } = new();

    /// <summary>The stored row before the operation (Update, Delete, SetState, Win, Lose); immutable, so images read it directly.</summary>
    public Storage.StoredRow? PreImageSource { get; set; }

    /// <summary>The stored row after the main operation (Create, Update, SetState, Win, Lose).</summary>
    public Storage.StoredRow? PostImageSource { get; set; }

    /// <summary>Plugins run so far in PreValidation and PreOperation (any of them may have changed the Target).</summary>
    public int PluginsRunBeforeMainOperation { get; set; }

    /// <summary>The Target entity of Create and Update.</summary>
    public Entity? TargetEntity => Input.TryGetValue("Target", out var target) ? target as Entity : null;
}

/// <summary>An asynchronous step waiting for <see cref="LocalDataverse.DrainAsyncQueue"/>: the step and a snapshot of its operation.</summary>
internal sealed record AsyncJob(StepRegistration Step, OperationRun Run, Caller Caller);
