using System;

namespace DataverseRelationship.Flows.Expressions;

/// <summary>What a run's expressions can read: the trigger's and actions' outputs, variables, parameters and the clock.</summary>
public interface IExpressionContext
{
    /// <summary>triggerOutputs(): the trigger's outputs (headers and body).</summary>
    object? TriggerOutputs();

    /// <summary>outputs(name): an action's outputs; throws <see cref="FlowExpressionException"/> when it has not run.</summary>
    object? ActionOutputs(string actionName);

    /// <summary>variables(name); throws <see cref="FlowExpressionException"/> when it is not initialised.</summary>
    object? Variable(string name);

    /// <summary>parameters(name); throws <see cref="FlowExpressionException"/> when the definition declares no such parameter.</summary>
    object? Parameter(string name);

    /// <summary>The time utcNow() returns.</summary>
    DateTime UtcNow { get; }
}
