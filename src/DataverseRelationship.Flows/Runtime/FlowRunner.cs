using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using DataverseRelationship.Flows.Definition;
using DataverseRelationship.Flows.Expressions;
using DataverseRelationship.LocalDataverse;
using DataverseRelationship.LocalDataverse.Time;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>
/// Executes one run of a flow: the actions of each scope in runAfter order (an action runs once every action it runs
/// after has ended in one of the listed statuses, and is skipped otherwise), If, Until and variables, with the
/// Dataverse actions sent through the connector as the connection's user
/// (https://learn.microsoft.com/azure/logic-apps/logic-apps-workflow-actions-triggers).
/// </summary>
public sealed class FlowRunner
{
    private readonly CloudFlow _flow;
    private readonly Func<string, DataverseConnector> _connectorFor;
    private readonly IClock _clock;

    /// <param name="flow">The flow to run.</param>
    /// <param name="connectorFor">The connector for a connection name of the flow (bound to the connection reference's user).</param>
    /// <param name="clock">The clock utcNow() and Until's timeout read.</param>
    public FlowRunner(CloudFlow flow, Func<string, DataverseConnector> connectorFor, IClock clock)
    {
        _flow = flow ?? throw new ArgumentNullException(nameof(flow));
        _connectorFor = connectorFor ?? throw new ArgumentNullException(nameof(connectorFor));
        _clock = clock ?? throw new ArgumentNullException(nameof(clock));
    }

    /// <summary>Runs the flow once with the trigger's outputs.</summary>
    public FlowRun Run(object? triggerOutputs, EntityReference? triggerRow, Guid runAsUserId)
    {
        var run = new RunState(_flow, triggerOutputs, _clock);
        RunScope(run, _flow.Actions);
        var failure = run.Executions.FirstOrDefault(e => e.Status is ActionStatus.Failed or ActionStatus.TimedOut && e.Error != null && !run.Containers.Contains(e.Action));
        return new FlowRun
        {
            Flow = _flow.Name,
            Trigger = _flow.Trigger.Name,
            StartedAt = run.StartedAt,
            TriggerRow = triggerRow,
            Succeeded = _flow.Actions.All(a => run.Status(a.Name) is not (ActionStatus.Failed or ActionStatus.TimedOut)),
            FailedAction = failure?.Action,
            FailureReason = failure?.Error,
            RunAsUserId = runAsUserId,
            Actions = run.Executions,
            CreatedRows = run.Created,
        };
    }

    /// <summary>Runs a scope's actions in runAfter order; true when none failed.</summary>
    private bool RunScope(RunState run, IReadOnlyList<FlowAction> actions)
    {
        var pending = actions.ToList();
        while (pending.Count > 0)
        {
            var ready = pending.FirstOrDefault(a => a.RunAfter.Keys.All(run.HasEnded))
                ?? throw new InvalidOperationException("The actions " + string.Join(", ", pending.Select(a => a.Name)) + " wait for each other.");
            pending.Remove(ready);
            if (ready.RunAfter.All(p => p.Value.Contains(run.Status(p.Key).ToString(), StringComparer.OrdinalIgnoreCase)))
            {
                RunAction(run, ready);
            }
            else
            {
                run.End(ready, ActionStatus.Skipped, null, null);
                foreach (var inner in FlowDefinitionReader.Flatten([ready]).Skip(1))
                {
                    run.End(inner, ActionStatus.Skipped, null, null, record: false);
                }
            }
        }

        return actions.All(a => run.Status(a.Name) is not (ActionStatus.Failed or ActionStatus.TimedOut));
    }

    private void RunAction(RunState run, FlowAction action)
    {
        try
        {
            switch (action)
            {
                case InitializeVariableAction initialize:
                    foreach (var variable in initialize.Variables)
                    {
                        run.Initialize(variable.Name, variable.Type, run.Value(variable.Value));
                    }

                    run.End(action, ActionStatus.Succeeded, null, null);
                    break;
                case SetVariableAction set:
                    run.Set(set.Variable, run.Value(set.Value));
                    run.End(action, ActionStatus.Succeeded, null, null);
                    break;
                case IfAction branch:
                    var holds = run.Condition(branch.Condition);
                    run.Containers.Add(action.Name);
                    var ok = RunScope(run, holds ? branch.Then : branch.Else);
                    foreach (var inner in FlowDefinitionReader.Flatten(holds ? branch.Else : branch.Then))
                    {
                        run.End(inner, ActionStatus.Skipped, null, null, record: false);
                    }

                    run.End(action, ok ? ActionStatus.Succeeded : ActionStatus.Failed, FlowValue.NewObject(), ok ? null : "An action inside it failed.");
                    break;
                case UntilAction loop:
                    RunUntil(run, loop);
                    break;
                case DataverseAction call:
                    var parameters = FlowValue.NewObject();
                    foreach (var (key, value) in call.Parameters)
                    {
                        parameters[key] = run.Value(value);
                    }

                    var result = _connectorFor(call.ConnectionName).Execute(call.OperationId, parameters);
                    if (result.Created != null)
                    {
                        run.Created.Add(result.Created);
                    }

                    run.End(action, ActionStatus.Succeeded, result.Outputs, null);
                    break;
                default:
                    throw new InvalidOperationException("Unknown action " + action.GetType().Name + ".");
            }
        }
        catch (Exception ex) when (ex is FlowExpressionException or FlowConnectorException or DataverseFaultException or InvalidPluginExecutionException or FormatException)
        {
            run.End(action, ActionStatus.Failed, null, ex.Message);
        }
    }

    /// <summary>Runs the body, then checks the condition; stops when it holds, at the count limit or at the timeout.</summary>
    private void RunUntil(RunState run, UntilAction loop)
    {
        run.Containers.Add(loop.Name);
        var started = _clock.UtcNow;
        var iterations = 0;
        while (true)
        {
            iterations++;
            foreach (var inner in FlowDefinitionReader.Flatten(loop.Body))
            {
                run.Forget(inner.Name);
            }

            if (!RunScope(run, loop.Body))
            {
                run.End(loop, ActionStatus.Failed, null, "An action inside it failed in iteration " + iterations + ".", iterations);
                return;
            }

            if (run.Condition(JsonValue.Create(loop.Condition.Text)))
            {
                run.End(loop, ActionStatus.Succeeded, null, null, iterations);
                return;
            }

            if (iterations >= loop.Count)
            {
                run.End(loop, ActionStatus.Succeeded, null, null, iterations, limitReached: true);
                return;
            }

            if (_clock.UtcNow - started >= loop.Timeout)
            {
                run.End(loop, ActionStatus.TimedOut, null, "The loop ran past its timeout " + loop.Timeout + ".", iterations);
                return;
            }
        }
    }

    /// <summary>The state of one run: variables, action outputs and statuses, executions, created rows.</summary>
    private sealed class RunState(CloudFlow flow, object? triggerOutputs, IClock clock) : IExpressionContext
    {
        private readonly Dictionary<string, (string Type, object? Value)> _variables = new(StringComparer.OrdinalIgnoreCase);
        private readonly Dictionary<string, (ActionStatus Status, object? Outputs)> _ended = new(StringComparer.Ordinal);
        private readonly Dictionary<string, FlowTemplate> _templates = new(StringComparer.Ordinal);

        public DateTime StartedAt { get; } = clock.UtcNow;

        public List<ActionExecution> Executions { get; } = [];

        public List<EntityReference> Created { get; } = [];

        /// <summary>If and Until actions (whose own failure only repeats an inner one).</summary>
        public HashSet<string> Containers { get; } = new(StringComparer.Ordinal);

        public DateTime UtcNow => clock.UtcNow;

        public bool HasEnded(string action) => _ended.ContainsKey(action);

        public ActionStatus Status(string action) => _ended.TryGetValue(action, out var ended) ? ended.Status : ActionStatus.Skipped;

        public void Forget(string action) => _ended.Remove(action);

        public void End(FlowAction action, ActionStatus status, object? outputs, string? error, int? iterations = null, bool limitReached = false, bool record = true)
        {
            _ended[action.Name] = (status, outputs);
            if (record)
            {
                Executions.Add(new ActionExecution(action.Name, TypeOf(action), status, outputs, error) { Iterations = iterations, LimitReached = limitReached });
            }
        }

        public object? TriggerOutputs() => triggerOutputs;

        public object? ActionOutputs(string actionName) =>
            _ended.TryGetValue(actionName, out var ended)
                ? ended.Outputs
                : throw new FlowExpressionException("outputs('" + actionName + "'): the action has not run in this run.");

        public object? Variable(string name) =>
            _variables.TryGetValue(name, out var variable)
                ? variable.Value
                : throw new FlowExpressionException("variables('" + name + "'): the variable is not initialised.");

        public object? Parameter(string name) =>
            flow.Parameters.TryGetValue(name, out var value)
                ? value
                : throw new FlowExpressionException("parameters('" + name + "'): the definition declares no such parameter.");

        public void Initialize(string name, string type, object? value)
        {
            if (_variables.ContainsKey(name))
            {
                throw new FlowExpressionException("The variable '" + name + "' is already initialised.");
            }

            _variables[name] = (type, Check(name, type, value));
        }

        public void Set(string name, object? value)
        {
            if (!_variables.TryGetValue(name, out var variable))
            {
                throw new FlowExpressionException("The variable '" + name + "' is not initialised.");
            }

            _variables[name] = (variable.Type, Check(name, variable.Type, value));
        }

        /// <summary>The value of a definition value: strings are templates, objects and arrays are evaluated member by member.</summary>
        public object? Value(JsonNode? node)
        {
            switch (node)
            {
                case null:
                    return null;
                case JsonObject obj:
                    var result = FlowValue.NewObject();
                    foreach (var (key, value) in obj)
                    {
                        result[key] = Value(value);
                    }

                    return result;
                case JsonArray array:
                    return array.Select(Value).ToList();
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    var text = value.GetValue<string>();
                    if (!_templates.TryGetValue(text, out var template))
                    {
                        template = FlowTemplate.Parse(text);
                        _templates[text] = template;
                    }

                    return ExpressionEvaluator.Evaluate(template, this);
                default:
                    return FlowValue.FromJson(node);
            }
        }

        /// <summary>An If or Until condition: an expression string, or { "function": [arguments] } nested.</summary>
        public bool Condition(JsonNode condition)
        {
            var value = condition is JsonObject obj ? Call(obj) : Value(condition);
            return value as bool? ?? throw new FlowExpressionException("The condition is " + FlowValue.TypeName(value) + " '" + FlowValue.ToText(value) + "', not a boolean.");
        }

        private object? Call(JsonObject condition)
        {
            var (function, arguments) = condition.First();
            var values = (arguments is JsonArray list ? list.ToArray() : [arguments])
                .Select(a => a is JsonObject nested ? Call(nested) : Value(a)).ToArray();
            return ExpressionFunctions.Call(function, this, values);
        }

        private static object? Check(string name, string type, object? value)
        {
            var fits = type switch
            {
                "string" => value is string or null,
                "boolean" => value is bool,
                "integer" => value is long,
                "float" => value is long or double,
                "array" => value is IReadOnlyList<object?>,
                _ => value is IDictionary<string, object?>,
            };
            return fits ? value : throw new FlowExpressionException("The variable '" + name + "' of type " + type + " cannot hold " + FlowValue.TypeName(value) + " '" + FlowValue.ToText(value) + "'.");
        }

        private static string TypeOf(FlowAction action) => action switch
        {
            InitializeVariableAction => "InitializeVariable",
            SetVariableAction => "SetVariable",
            IfAction => "If",
            UntilAction => "Until",
            DataverseAction call => call.OperationId,
            _ => action.GetType().Name,
        };
    }
}
