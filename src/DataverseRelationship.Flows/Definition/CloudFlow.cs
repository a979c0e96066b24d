using System;
using System.Collections.Generic;

namespace DataverseRelationship.Flows.Definition;

/// <summary>One cloud flow of the solution: its name, id, state, trigger, actions and connection references.</summary>
public sealed class CloudFlow
{
    /// <summary>The flow's display name (the workflow's Name).</summary>
    public required string Name { get; init; }

    /// <summary>The workflow id.</summary>
    public Guid Id { get; init; }

    /// <summary>The definition file the flow was read from.</summary>
    public required string File { get; init; }

    /// <summary>Whether the solution ships the flow turned on (StateCode 1 Activated); only those run.</summary>
    public bool IsActivated { get; init; } = true;

    public required FlowTrigger Trigger { get; init; }

    /// <summary>The top-level actions, in definition order.</summary>
    public required IReadOnlyList<FlowAction> Actions { get; init; }

    /// <summary>Connection name used by the trigger and actions (e.g. shared_commondataserviceforapps) to the solution's connection reference logical name.</summary>
    public required IReadOnlyDictionary<string, string> ConnectionReferences { get; init; }

    /// <summary>The definition's parameters and their default values ($authentication, $connections...).</summary>
    public required IReadOnlyDictionary<string, object?> Parameters { get; init; }
}
