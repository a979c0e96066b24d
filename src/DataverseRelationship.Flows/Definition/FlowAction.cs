using System;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using DataverseRelationship.Flows.Expressions;

namespace DataverseRelationship.Flows.Definition;

/// <summary>
/// One action of a definition, with the actions it runs after and the statuses they must end in
/// (https://learn.microsoft.com/azure/logic-apps/logic-apps-workflow-actions-triggers#runafter).
/// </summary>
public abstract record FlowAction(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> RunAfter);

/// <summary>One variable an InitializeVariable action declares: name, type (string, boolean, integer, float, array, object) and initial value.</summary>
public sealed record VariableDeclaration(string Name, string Type, JsonNode? Value);

/// <summary>InitializeVariable (https://learn.microsoft.com/azure/logic-apps/logic-apps-create-variables-store-values#initialize-variable).</summary>
public sealed record InitializeVariableAction(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> RunAfter, IReadOnlyList<VariableDeclaration> Variables)
    : FlowAction(Name, RunAfter);

/// <summary>SetVariable: a new value of the same type for an initialised variable.</summary>
public sealed record SetVariableAction(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> RunAfter, string Variable, JsonNode? Value)
    : FlowAction(Name, RunAfter);

/// <summary>If: runs <see cref="Then"/> when the condition is true, else <see cref="Else"/> (https://learn.microsoft.com/azure/logic-apps/logic-apps-workflow-actions-triggers#if-action).</summary>
public sealed record IfAction(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> RunAfter, JsonNode Condition, IReadOnlyList<FlowAction> Then, IReadOnlyList<FlowAction> Else)
    : FlowAction(Name, RunAfter);

/// <summary>
/// Until: runs <see cref="Body"/>, then stops when <see cref="Condition"/> is true, after <see cref="Count"/> iterations or
/// when <see cref="Timeout"/> has passed (defaults 60 and PT1H; at most 5000 iterations)
/// (https://learn.microsoft.com/azure/logic-apps/logic-apps-workflow-actions-triggers#until-action).
/// </summary>
public sealed record UntilAction(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> RunAfter, FlowTemplate Condition, int Count, TimeSpan Timeout, IReadOnlyList<FlowAction> Body)
    : FlowAction(Name, RunAfter);

/// <summary>An OpenApiConnection action of the Dataverse connector: its operation (ListRecords, CreateRecord, PerformUnboundAction) and parameters.</summary>
public sealed record DataverseAction(string Name, IReadOnlyDictionary<string, IReadOnlyList<string>> RunAfter, string ConnectionName, string OperationId, JsonObject Parameters)
    : FlowAction(Name, RunAfter);
