using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using DataverseRelationship.Flows.Expressions;
using DataverseRelationship.SolutionModel;

namespace DataverseRelationship.Flows.Definition;

/// <summary>
/// Reads a cloud flow as a solution stores it (Workflows/&lt;name&gt;-&lt;id&gt;.json with its .json.data.xml) and refuses,
/// by name, every trigger, action, operation, property and function outside the subset this runner executes: the
/// subset the solution's two flows use (Logic Apps schema 2016-06-01,
/// https://learn.microsoft.com/azure/logic-apps/logic-apps-workflow-definition-language).
/// </summary>
public static class FlowDefinitionReader
{
    /// <summary>The Dataverse connector's API (the only connector supported).</summary>
    public const string DataverseApi = "shared_commondataserviceforapps";

    private const string Schema = "https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#";

    /// <summary>The Dataverse connector operations supported, with the parameters each accepts ("item/" = any column or API parameter).</summary>
    private static readonly Dictionary<string, string[]> Operations = new(StringComparer.Ordinal)
    {
        ["ListRecords"] = ["entityName", "$select", "$filter", "$orderby", "$top"],
        ["CreateRecord"] = ["entityName", "item/"],
        ["PerformUnboundAction"] = ["actionName", "item/"],
    };

    private static readonly string[] TriggerParameters =
    [
        "subscriptionRequest/message", "subscriptionRequest/entityname", "subscriptionRequest/scope",
        "subscriptionRequest/filteringattributes", "subscriptionRequest/filterexpression", "subscriptionRequest/runas",
    ];

    private static readonly string[] Metadata = ["description", "metadata"];

    /// <summary>Reads a flow file; <paramref name="solutionConnectionReferences"/> maps the solution's connection reference logical names to their connector ids.</summary>
    public static CloudFlow Read(string jsonFile, IReadOnlyDictionary<string, string> solutionConnectionReferences)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(jsonFile);
        ArgumentNullException.ThrowIfNull(solutionConnectionReferences);
        var file = Path.GetFileName(jsonFile);
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(jsonFile));
        }
        catch (JsonException ex)
        {
            throw new UnsupportedFlowException(file + ": not valid JSON (" + ex.Message + ").", ex);
        }

        var context = new ReadContext(file);
        var properties = context.Object(root?["properties"], "properties");
        var definition = context.Object(properties["definition"], "properties.definition");
        if (definition["$schema"]?.GetValue<string>() != Schema)
        {
            throw context.Refuse("properties.definition.$schema", "is '" + definition["$schema"] + "'; only the 2016-06-01 workflow definition schema is supported");
        }

        var connections = ReadConnectionReferences(context, properties, solutionConnectionReferences);
        var parameters = FlowValue.NewObject();
        foreach (var parameter in context.Object(definition["parameters"] ?? new JsonObject(), "parameters"))
        {
            parameters[parameter.Key] = FlowValue.FromJson(parameter.Value?["defaultValue"]);
        }

        var triggers = context.Object(definition["triggers"], "triggers");
        if (triggers.Count != 1)
        {
            throw context.Refuse("triggers", "has " + triggers.Count.ToString(CultureInfo.InvariantCulture) + " triggers; a flow has exactly one");
        }

        var (triggerName, triggerNode) = triggers.First();
        var trigger = ReadTrigger(context, triggerName, context.Object(triggerNode, "trigger " + triggerName), connections);
        var actions = ReadScope(context, context.Object(definition["actions"] ?? new JsonObject(), "actions"), connections);
        CheckReferences(context, actions);
        var (name, id, activated) = ReadData(jsonFile + ".data.xml", file);
        return new CloudFlow
        {
            Name = name,
            Id = id,
            File = file,
            IsActivated = activated,
            Trigger = trigger,
            Actions = actions,
            ConnectionReferences = connections,
            Parameters = parameters,
        };
    }

    /// <summary>The solution's connection references (Other/Customizations.xml, read by the solution model): logical name to connector id.</summary>
    public static IReadOnlyDictionary<string, string> ReadSolutionConnectionReferences(string solutionFolder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(solutionFolder);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reference in SolutionSourceReader.Read(solutionFolder).ConnectionReferences.Where(r => !string.IsNullOrWhiteSpace(r.LogicalName)))
        {
            result[reference.LogicalName] = reference.ConnectorId;
        }

        return result;
    }

    private static Dictionary<string, string> ReadConnectionReferences(ReadContext context, JsonObject properties, IReadOnlyDictionary<string, string> solution)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (connectionName, node) in context.Object(properties["connectionReferences"] ?? new JsonObject(), "connectionReferences"))
        {
            var where = "connectionReferences." + connectionName;
            var logicalName = node?["connection"]?["connectionReferenceLogicalName"]?.GetValue<string>()
                ?? throw context.Refuse(where, "has no connection.connectionReferenceLogicalName; only connections through a solution connection reference are supported");
            var api = node?["api"]?["name"]?.GetValue<string>();
            if (api != DataverseApi)
            {
                throw context.Refuse(where, "uses the connector '" + api + "'; only the Dataverse connector (" + DataverseApi + ") is supported");
            }

            if (!solution.TryGetValue(logicalName, out var connector))
            {
                throw context.Refuse(where, "names the connection reference '" + logicalName + "', which the solution does not define (Other/Customizations.xml)");
            }

            if (!connector.EndsWith("/" + DataverseApi, StringComparison.Ordinal))
            {
                throw context.Refuse(where, "names the connection reference '" + logicalName + "', whose connector is '" + connector + "', not " + DataverseApi);
            }

            result[connectionName] = logicalName;
        }

        return result;
    }

    private static FlowTrigger ReadTrigger(ReadContext context, string name, JsonObject node, IReadOnlyDictionary<string, string> connections)
    {
        var where = "trigger '" + name + "'";
        var type = node["type"]?.GetValue<string>();
        switch (type)
        {
            case "Recurrence":
                context.OnlyProperties(node, where, ["type", "recurrence", .. Metadata]);
                var recurrence = context.Object(node["recurrence"], where + " recurrence");
                context.OnlyProperties(recurrence, where + " recurrence", ["frequency", "interval", "startTime", "timeZone"]);
                var frequency = recurrence["frequency"]?.GetValue<string>() ?? throw context.Refuse(where, "has no recurrence.frequency");
                if (frequency is not ("Second" or "Minute" or "Hour" or "Day" or "Week" or "Month"))
                {
                    throw context.Refuse(where, "has the frequency '" + frequency + "'");
                }

                var zone = recurrence["timeZone"]?.GetValue<string>();
                if (zone is not (null or "UTC"))
                {
                    throw context.Refuse(where, "uses the time zone '" + zone + "'; only UTC is supported");
                }

                var interval = recurrence["interval"]?.GetValue<int>() ?? 1;
                if (interval < 1)
                {
                    throw context.Refuse(where, "has the interval " + interval.ToString(CultureInfo.InvariantCulture));
                }

                var start = recurrence["startTime"]?.GetValue<string>();
                return new RecurrenceTrigger(name, frequency, interval, start == null ? null : FlowValue.ParseTimestamp(start) ?? throw context.Refuse(where, "has the startTime '" + start + "', which is not a timestamp"));
            case "OpenApiConnectionWebhook":
                context.OnlyProperties(node, where, ["type", "inputs", .. Metadata]);
                var inputs = context.Object(node["inputs"], where + " inputs");
                context.OnlyProperties(inputs, where + " inputs", ["host", "parameters", "authentication"]);
                var (connection, operation) = Host(context, where, inputs, connections);
                if (operation != "SubscribeWebhookTrigger")
                {
                    throw context.Refuse(where, "uses the operation '" + operation + "'; only SubscribeWebhookTrigger (When a row is added, modified or deleted) is supported");
                }

                var parameters = context.Object(inputs["parameters"], where + " parameters");
                context.OnlyProperties(parameters, where + " parameters", TriggerParameters);
                var message = parameters["subscriptionRequest/message"]?.GetValue<int>() ?? throw context.Refuse(where, "has no subscriptionRequest/message");
                var messages = message switch
                {
                    1 => new[] { "Create" },
                    2 => ["Delete"],
                    3 => ["Update"],
                    4 => ["Create", "Update"],
                    5 => ["Create", "Delete"],
                    6 => ["Update", "Delete"],
                    7 => ["Create", "Update", "Delete"],
                    _ => throw context.Refuse(where, "has the subscriptionRequest/message " + message.ToString(CultureInfo.InvariantCulture)),
                };
                var scope = parameters["subscriptionRequest/scope"]?.GetValue<int>() ?? throw context.Refuse(where, "has no subscriptionRequest/scope");
                if (scope != 4)
                {
                    throw context.Refuse(where, "has the scope " + scope.ToString(CultureInfo.InvariantCulture) + "; only 4 (Organization) is supported");
                }

                var runAs = parameters["subscriptionRequest/runas"]?.GetValue<int>() ?? (int)FlowRunAs.FlowOwner;
                if (!Enum.IsDefined(typeof(FlowRunAs), runAs))
                {
                    throw context.Refuse(where, "has the subscriptionRequest/runas " + runAs.ToString(CultureInfo.InvariantCulture));
                }

                var filtering = (parameters["subscriptionRequest/filteringattributes"]?.GetValue<string>() ?? string.Empty)
                    .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                var table = parameters["subscriptionRequest/entityname"]?.GetValue<string>() ?? throw context.Refuse(where, "has no subscriptionRequest/entityname");
                var filter = parameters["subscriptionRequest/filterexpression"]?.GetValue<string>();
                return new RowChangeTrigger(name, connection, messages.ToHashSet(StringComparer.Ordinal), table, scope, filtering, filter, (FlowRunAs)runAs);
            default:
                throw context.Refuse(where, "is of type '" + type + "'; supported triggers: Recurrence, OpenApiConnectionWebhook (Dataverse SubscribeWebhookTrigger)");
        }
    }

    private static List<FlowAction> ReadScope(ReadContext context, JsonObject actions, IReadOnlyDictionary<string, string> connections) =>
        actions.Select(pair => ReadAction(context, pair.Key, context.Object(pair.Value, "action " + pair.Key), connections)).ToList();

    private static FlowAction ReadAction(ReadContext context, string name, JsonObject node, IReadOnlyDictionary<string, string> connections)
    {
        var where = "action '" + name + "'";
        var type = node["type"]?.GetValue<string>();
        var runAfter = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (predecessor, statuses) in context.Object(node["runAfter"] ?? new JsonObject(), where + " runAfter"))
        {
            var list = statuses?.AsArray().Select(s => s?.GetValue<string>() ?? string.Empty).ToList() ?? [];
            foreach (var status in list.Where(s => s is not ("Succeeded" or "Failed" or "Skipped" or "TimedOut")))
            {
                throw context.Refuse(where, "runs after '" + predecessor + "' is '" + status + "'");
            }

            runAfter[predecessor] = list;
        }

        switch (type)
        {
            case "InitializeVariable":
                context.OnlyProperties(node, where, ["type", "runAfter", "inputs", .. Metadata]);
                var declarations = new List<VariableDeclaration>();
                foreach (var variable in node["inputs"]?["variables"]?.AsArray() ?? [])
                {
                    var variableName = variable?["name"]?.GetValue<string>() ?? throw context.Refuse(where, "declares a variable without a name");
                    var variableType = variable?["type"]?.GetValue<string>()?.ToLowerInvariant() ?? throw context.Refuse(where, "declares '" + variableName + "' without a type");
                    if (variableType is not ("string" or "boolean" or "integer" or "float" or "array" or "object"))
                    {
                        throw context.Refuse(where, "declares '" + variableName + "' of type '" + variableType + "'");
                    }

                    context.CheckValue(variable?["value"], where);
                    declarations.Add(new VariableDeclaration(variableName, variableType, variable?["value"]?.DeepClone()));
                }

                return new InitializeVariableAction(name, runAfter, declarations);
            case "SetVariable":
                context.OnlyProperties(node, where, ["type", "runAfter", "inputs", .. Metadata]);
                var inputs = context.Object(node["inputs"], where + " inputs");
                context.OnlyProperties(inputs, where + " inputs", ["name", "value"]);
                context.CheckValue(inputs["value"], where);
                return new SetVariableAction(name, runAfter, inputs["name"]?.GetValue<string>() ?? throw context.Refuse(where, "names no variable"), inputs["value"]?.DeepClone());
            case "If":
                context.OnlyProperties(node, where, ["type", "runAfter", "expression", "actions", "else", .. Metadata]);
                var condition = node["expression"] ?? throw context.Refuse(where, "has no expression");
                context.CheckCondition(condition, where);
                var otherwise = node["else"] == null ? new JsonObject() : context.Object(node["else"]!["actions"] ?? new JsonObject(), where + " else");
                return new IfAction(name, runAfter, condition.DeepClone(), ReadScope(context, context.Object(node["actions"] ?? new JsonObject(), where + " actions"), connections), ReadScope(context, otherwise, connections));
            case "Until":
                context.OnlyProperties(node, where, ["type", "runAfter", "expression", "limit", "actions", .. Metadata]);
                var expression = node["expression"]?.GetValue<string>() ?? throw context.Refuse(where, "has no expression (only an expression string is supported)");
                var template = context.Template(expression, where);
                var limit = node["limit"] as JsonObject ?? new JsonObject();
                context.OnlyProperties(limit, where + " limit", ["count", "timeout"]);
                var count = limit["count"]?.GetValue<int>() ?? 60;
                if (count < 1 || count > 5000)
                {
                    throw context.Refuse(where, "has the limit count " + count.ToString(CultureInfo.InvariantCulture) + "; it must be 1-5000");
                }

                var timeoutText = limit["timeout"]?.GetValue<string>() ?? "PT1H";
                TimeSpan timeout;
                try
                {
                    timeout = XmlConvert.ToTimeSpan(timeoutText);
                }
                catch (FormatException ex)
                {
                    throw new UnsupportedFlowException(context.File + ": " + where + " has the limit timeout '" + timeoutText + "', which is not an ISO 8601 duration.", ex);
                }

                return new UntilAction(name, runAfter, template, count, timeout, ReadScope(context, context.Object(node["actions"] ?? new JsonObject(), where + " actions"), connections));
            case "OpenApiConnection":
                context.OnlyProperties(node, where, ["type", "runAfter", "inputs", .. Metadata]);
                var connectionInputs = context.Object(node["inputs"], where + " inputs");
                context.OnlyProperties(connectionInputs, where + " inputs", ["host", "parameters", "authentication"]);
                var (connection, operation) = Host(context, where, connectionInputs, connections);
                if (!Operations.TryGetValue(operation, out var allowed))
                {
                    throw context.Refuse(where, "uses the Dataverse operation '" + operation + "'; supported: " + string.Join(", ", Operations.Keys));
                }

                var parameters = context.Object(connectionInputs["parameters"] ?? new JsonObject(), where + " parameters");
                foreach (var key in parameters.Select(p => p.Key).Where(k => !allowed.Any(a => a.EndsWith('/') ? k.StartsWith(a, StringComparison.Ordinal) : k == a)))
                {
                    throw context.Refuse(where, "passes the parameter '" + key + "' to " + operation);
                }

                context.CheckValue(parameters, where);
                return new DataverseAction(name, runAfter, connection, operation, (JsonObject)parameters.DeepClone());
            default:
                throw context.Refuse(where, "is of type '" + type + "'; supported actions: InitializeVariable, SetVariable, If, Until, OpenApiConnection (Dataverse)");
        }
    }

    private static (string Connection, string Operation) Host(ReadContext context, string where, JsonObject inputs, IReadOnlyDictionary<string, string> connections)
    {
        var host = context.Object(inputs["host"], where + " host");
        var connection = host["connectionName"]?.GetValue<string>() ?? throw context.Refuse(where, "has no host.connectionName");
        if (!connections.ContainsKey(connection))
        {
            throw context.Refuse(where, "uses the connection '" + connection + "', which the flow's connectionReferences do not declare");
        }

        var api = host["apiId"]?.GetValue<string>() ?? string.Empty;
        if (!api.EndsWith("/" + DataverseApi, StringComparison.Ordinal))
        {
            throw context.Refuse(where, "calls the API '" + api + "'; only " + DataverseApi + " is supported");
        }

        return (connection, host["operationId"]?.GetValue<string>() ?? throw context.Refuse(where, "has no host.operationId"));
    }

    /// <summary>runAfter and outputs() must name actions of the flow.</summary>
    private static void CheckReferences(ReadContext context, IReadOnlyList<FlowAction> actions)
    {
        var all = Flatten(actions).ToList();
        var names = all.Select(a => a.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var action in all)
        {
            foreach (var predecessor in action.RunAfter.Keys.Where(p => !names.Contains(p)))
            {
                throw context.Refuse("action '" + action.Name + "'", "runs after '" + predecessor + "', which the flow does not have");
            }
        }

        foreach (var referenced in context.OutputsReferenced.Where(r => !names.Contains(r)))
        {
            throw context.Refuse("outputs('" + referenced + "')", "names an action the flow does not have");
        }
    }

    /// <summary>Every action, nested ones included.</summary>
    public static IEnumerable<FlowAction> Flatten(IEnumerable<FlowAction> actions)
    {
        ArgumentNullException.ThrowIfNull(actions);
        foreach (var action in actions)
        {
            yield return action;
            var nested = action switch
            {
                IfAction branch => branch.Then.Concat(branch.Else),
                UntilAction loop => loop.Body,
                _ => [],
            };
            foreach (var inner in Flatten(nested))
            {
                yield return inner;
            }
        }
    }

    private static (string Name, Guid Id, bool Activated) ReadData(string dataFile, string file)
    {
        if (!File.Exists(dataFile))
        {
            return (Path.GetFileNameWithoutExtension(file), Guid.Empty, true);
        }

        var workflow = XDocument.Load(dataFile).Root!;
        var name = (string?)workflow.Attribute("Name") ?? Path.GetFileNameWithoutExtension(file);
        var id = Guid.TryParse((string?)workflow.Attribute("WorkflowId"), out var parsed) ? parsed : Guid.Empty;
        var state = (string?)workflow.Element("StateCode");
        return (name, id, state is null or "1");
    }

    /// <summary>Where a definition is being read, and the checks shared by triggers and actions.</summary>
    private sealed class ReadContext(string file)
    {
        public string File { get; } = file;

        public HashSet<string> OutputsReferenced { get; } = new(StringComparer.Ordinal);

        public UnsupportedFlowException Refuse(string where, string reason) =>
            new(File + ": " + where + " " + reason + "; the local flow runner does not support it.");

        public JsonObject Object(JsonNode? node, string where) =>
            node as JsonObject ?? throw Refuse(where, "is missing or not an object");

        public void OnlyProperties(JsonObject node, string where, string[] allowed)
        {
            foreach (var key in node.Select(p => p.Key).Where(k => !allowed.Contains(k, StringComparer.Ordinal)))
            {
                throw Refuse(where, "has the property '" + key + "'");
            }
        }

        public FlowTemplate Template(string text, string where)
        {
            FlowTemplate template;
            try
            {
                template = FlowTemplate.Parse(text);
            }
            catch (FlowExpressionException ex)
            {
                throw new UnsupportedFlowException(File + ": " + where + ": " + ex.Message, ex);
            }

            foreach (var expression in template.Expressions)
            {
                CheckFunctions(expression, where);
            }

            return template;
        }

        public void CheckValue(JsonNode? node, string where)
        {
            switch (node)
            {
                case JsonObject obj:
                    foreach (var pair in obj)
                    {
                        CheckValue(pair.Value, where);
                    }

                    break;
                case JsonArray array:
                    foreach (var item in array)
                    {
                        CheckValue(item, where);
                    }

                    break;
                case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                    Template(value.GetValue<string>(), where);
                    break;
            }
        }

        /// <summary>A condition object: { "function": [arguments] } or { "not": {condition} }, nested, or an expression string.</summary>
        public void CheckCondition(JsonNode node, string where)
        {
            if (node is JsonValue)
            {
                CheckValue(node, where);
                return;
            }

            var obj = Object(node, where + " expression");
            if (obj.Count != 1)
            {
                throw Refuse(where, "has a condition with " + obj.Count.ToString(CultureInfo.InvariantCulture) + " operators; each condition has one");
            }

            var (function, arguments) = obj.First();
            if (!ExpressionFunctions.IsSupported(function))
            {
                throw Refuse(where, "uses the condition '" + function + "'");
            }

            foreach (var argument in arguments is JsonArray list ? list.ToArray() : [arguments])
            {
                if (argument is JsonObject)
                {
                    CheckCondition(argument, where);
                }
                else
                {
                    CheckValue(argument, where);
                }
            }
        }

        private void CheckFunctions(Expression expression, string where)
        {
            switch (expression)
            {
                case CallExpression call:
                    if (!ExpressionFunctions.IsSupported(call.Function))
                    {
                        throw Refuse(where, "uses the expression function '" + call.Function + "'");
                    }

                    if (call.Function == "outputs" && call.Arguments is [LiteralExpression { Value: string action }])
                    {
                        OutputsReferenced.Add(action);
                    }

                    foreach (var argument in call.Arguments)
                    {
                        CheckFunctions(argument, where);
                    }

                    break;
                case MemberExpression member:
                    CheckFunctions(member.Target, where);
                    CheckFunctions(member.Key, where);
                    break;
            }
        }
    }
}
