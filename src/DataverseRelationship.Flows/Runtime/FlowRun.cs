using System;
using System.Collections.Generic;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>How an action ended (the statuses runAfter can wait for).</summary>
public enum ActionStatus
{
    Succeeded,
    Failed,
    Skipped,
    TimedOut,
}

/// <summary>
/// One execution of an action (an action inside Until appears once per iteration): status, outputs, the error of a failed
/// one, and for Until the iterations run and whether its count limit stopped it.
/// </summary>
public sealed record ActionExecution(string Action, string Type, ActionStatus Status, object? Outputs, string? Error)
{
    /// <summary>Iterations an Until ran (null for other actions).</summary>
    public int? Iterations { get; init; }

    /// <summary>True when an Until stopped because it reached its count limit, not because its condition held.</summary>
    public bool LimitReached { get; init; }
}

/// <summary>One run of a flow: when, why, how it ended, the actions it executed and the rows it created.</summary>
public sealed record FlowRun
{
    public required string Flow { get; init; }

    /// <summary>The trigger's name; for a row trigger the message and row are in <see cref="TriggerRow"/>.</summary>
    public required string Trigger { get; init; }

    /// <summary>The local clock when the run started (UTC).</summary>
    public required DateTime StartedAt { get; init; }

    /// <summary>The row whose change started the run (null for a recurrence).</summary>
    public EntityReference? TriggerRow { get; init; }

    /// <summary>Succeeded when no action failed.</summary>
    public required bool Succeeded { get; init; }

    /// <summary>The first action that failed (the innermost one), or null.</summary>
    public string? FailedAction { get; init; }

    /// <summary>Why <see cref="FailedAction"/> failed.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The user the actions ran as (the connection reference's user).</summary>
    public Guid RunAsUserId { get; init; }

    /// <summary>Every action execution, in order.</summary>
    public required IReadOnlyList<ActionExecution> Actions { get; init; }

    /// <summary>Rows the run's actions created.</summary>
    public required IReadOnlyList<EntityReference> CreatedRows { get; init; }
}
