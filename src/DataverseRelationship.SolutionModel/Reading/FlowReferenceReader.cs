using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DataverseRelationship.SolutionModel;

/// <summary>
/// Reads what a cloud flow definition references: its connection references, the tables and columns of its Dataverse
/// trigger and actions (including the columns its expressions read from them) and the custom APIs it calls.
/// </summary>
public static partial class FlowReferenceReader
{
    private const string TriggerKey = "@trigger";

    /// <summary>The connection reference logical names the flow declares, and everything else it references.</summary>
    public static (IReadOnlyList<string> ConnectionReferences, IReadOnlyList<FlowReference> References) Read(JsonElement flow)
    {
        var connections = new List<string>();
        var references = new List<FlowReference>();
        if (flow.ValueKind != JsonValueKind.Object || !flow.TryGetProperty("properties", out var properties))
        {
            references.Add(new FlowReference(FlowReferenceKind.Connection, "(properties missing)", null, "flow"));
            return (connections, references);
        }

        var connectionKeys = new HashSet<string>(StringComparer.Ordinal);
        if (properties.TryGetProperty("connectionReferences", out var declared) && declared.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in declared.EnumerateObject())
            {
                connectionKeys.Add(entry.Name);
                if (entry.Value.TryGetProperty("connection", out var connection)
                    && connection.TryGetProperty("connectionReferenceLogicalName", out var logicalName)
                    && logicalName.GetString() is { Length: > 0 } name)
                {
                    connections.Add(name);
                }
                else
                {
                    connections.Add($"(connection '{entry.Name}' names no connection reference)");
                }
            }
        }

        if (!properties.TryGetProperty("definition", out var definition))
        {
            return (connections, references);
        }

        // Which table each trigger or action reads, so that expressions can be resolved to columns.
        var tables = new Dictionary<string, string>(StringComparer.Ordinal);
        var apiActions = new Dictionary<string, string>(StringComparer.Ordinal);
        var expressions = new List<(string Text, string Where)>();

        if (definition.TryGetProperty("triggers", out var triggers))
        {
            foreach (var trigger in triggers.EnumerateObject())
            {
                ReadOperation(trigger.Name, trigger.Value, isTrigger: true, connectionKeys, references, tables, apiActions, expressions);
            }
        }

        if (definition.TryGetProperty("actions", out var actions))
        {
            ReadActions(actions, connectionKeys, references, tables, apiActions, expressions);
        }

        foreach (var (text, where) in expressions)
        {
            ResolveExpression(text, where, tables, apiActions, references);
        }

        return (connections, references);
    }

    private static void ReadActions(JsonElement actions, HashSet<string> connectionKeys, List<FlowReference> references,
        Dictionary<string, string> tables, Dictionary<string, string> apiActions, List<(string, string)> expressions)
    {
        if (actions.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var action in actions.EnumerateObject())
        {
            ReadOperation(action.Name, action.Value, isTrigger: false, connectionKeys, references, tables, apiActions, expressions);
            if (action.Value.TryGetProperty("actions", out var nested))
            {
                ReadActions(nested, connectionKeys, references, tables, apiActions, expressions);
            }

            if (action.Value.TryGetProperty("else", out var otherwise) && otherwise.TryGetProperty("actions", out var elseActions))
            {
                ReadActions(elseActions, connectionKeys, references, tables, apiActions, expressions);
            }

            if (action.Value.TryGetProperty("default", out var fallback) && fallback.TryGetProperty("actions", out var defaultActions))
            {
                ReadActions(defaultActions, connectionKeys, references, tables, apiActions, expressions);
            }

            if (action.Value.TryGetProperty("cases", out var cases) && cases.ValueKind == JsonValueKind.Object)
            {
                foreach (var branch in cases.EnumerateObject())
                {
                    if (branch.Value.TryGetProperty("actions", out var caseActions))
                    {
                        ReadActions(caseActions, connectionKeys, references, tables, apiActions, expressions);
                    }
                }
            }
        }
    }

    private static void ReadOperation(string name, JsonElement operation, bool isTrigger, HashSet<string> connectionKeys, List<FlowReference> references,
        Dictionary<string, string> tables, Dictionary<string, string> apiActions, List<(string, string)> expressions)
    {
        CollectStrings(operation, name, expressions);
        if (!operation.TryGetProperty("inputs", out var inputs) || inputs.ValueKind != JsonValueKind.Object
            || !inputs.TryGetProperty("host", out var host) || host.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        var connectionName = host.TryGetProperty("connectionName", out var c) ? c.GetString() ?? "" : "";
        if (!connectionKeys.Contains(connectionName))
        {
            references.Add(new FlowReference(FlowReferenceKind.Connection, connectionName, null, name));
        }

        var operationId = host.TryGetProperty("operationId", out var o) ? o.GetString() ?? "" : "";
        var parameters = inputs.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p : default;
        string Param(string key) => parameters.ValueKind == JsonValueKind.Object && parameters.TryGetProperty(key, out var v)
            ? (v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.ToString()) : "";
        IEnumerable<JsonProperty> Items() => parameters.ValueKind == JsonValueKind.Object
            ? parameters.EnumerateObject().Where(x => x.Name.StartsWith("item/", StringComparison.Ordinal)) : [];

        if (isTrigger && operationId == "SubscribeWebhookTrigger")
        {
            var table = Param("subscriptionRequest/entityname");
            references.Add(new FlowReference(FlowReferenceKind.Table, table, null, name));
            tables[TriggerKey] = table;
            foreach (var column in Param("subscriptionRequest/filteringattributes").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                references.Add(new FlowReference(FlowReferenceKind.Column, column, table, name + " (filtering attributes)"));
            }

            return;
        }

        if (operationId is "PerformUnboundAction" or "PerformBoundAction")
        {
            var api = Param("actionName");
            references.Add(new FlowReference(FlowReferenceKind.CustomApi, api, null, name));
            apiActions[name] = api;
            foreach (var item in Items())
            {
                references.Add(new FlowReference(FlowReferenceKind.CustomApiRequestParameter, item.Name["item/".Length..], api, name));
            }

            return;
        }

        if (operationId is "ListRecords" or "CreateRecord" or "UpdateRecord" or "GetItem" or "DeleteRecord" or "UpdateOnlyRecord")
        {
            var entitySet = Param("entityName");
            references.Add(new FlowReference(FlowReferenceKind.EntitySet, entitySet, null, name));
            tables[name] = entitySet;
            foreach (var column in Param("$select").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                references.Add(new FlowReference(FlowReferenceKind.Column, column, entitySet, name + " ($select)"));
            }

            foreach (var clause in Param("$orderby").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                references.Add(new FlowReference(FlowReferenceKind.Column, clause.Split(' ')[0], entitySet, name + " ($orderby)"));
            }

            foreach (Match match in FilterColumn().Matches(Param("$filter")))
            {
                references.Add(new FlowReference(FlowReferenceKind.Column, match.Groups["column"].Value, entitySet, name + " ($filter)"));
            }

            foreach (var item in Items())
            {
                references.Add(new FlowReference(FlowReferenceKind.Column, item.Name["item/".Length..], entitySet, name + " (item)"));
            }
        }
    }

    private static void CollectStrings(JsonElement element, string where, List<(string, string)> expressions)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                if (element.GetString() is { } text && text.Contains('@', StringComparison.Ordinal))
                {
                    expressions.Add((text, where));
                }

                break;
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    // Nested actions are read as operations of their own.
                    if (property.Name is "actions" or "else" or "cases" or "default")
                    {
                        continue;
                    }

                    CollectStrings(property.Value, where, expressions);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    CollectStrings(item, where, expressions);
                }

                break;
        }
    }

    private static void ResolveExpression(string text, string where, Dictionary<string, string> tables, Dictionary<string, string> apiActions,
        List<FlowReference> references)
    {
        if (tables.TryGetValue(TriggerKey, out var triggerTable))
        {
            foreach (Match match in TriggerColumn().Matches(text))
            {
                references.Add(new FlowReference(FlowReferenceKind.Column, match.Groups["column"].Value, triggerTable, where + " (trigger output)"));
            }
        }

        foreach (Match match in RowColumn().Matches(text))
        {
            if (tables.TryGetValue(match.Groups["action"].Value, out var set))
            {
                references.Add(new FlowReference(FlowReferenceKind.Column, match.Groups["column"].Value, set, where + $" (rows of {match.Groups["action"].Value})"));
            }
        }

        foreach (Match match in BodyField().Matches(text))
        {
            var action = match.Groups["action"].Value;
            var field = match.Groups["field"].Value;
            if (field == "value")
            {
                continue;
            }

            if (apiActions.TryGetValue(action, out var api))
            {
                references.Add(new FlowReference(FlowReferenceKind.CustomApiResponseProperty, field, api, where));
            }
            else if (tables.TryGetValue(action, out var set))
            {
                references.Add(new FlowReference(FlowReferenceKind.Column, field, set, where + $" (output of {action})"));
            }
        }
    }

    [GeneratedRegex(@"triggerOutputs\(\)\?\['body/(?<column>[A-Za-z0-9_]+)'\]")]
    private static partial Regex TriggerColumn();

    [GeneratedRegex(@"outputs\('(?<action>[^']+)'\)\?\['body/value'\]\)\?\['(?<column>[A-Za-z0-9_]+)'\]")]
    private static partial Regex RowColumn();

    [GeneratedRegex(@"outputs\('(?<action>[^']+)'\)\?\['body/(?<field>[A-Za-z0-9_]+)'\]")]
    private static partial Regex BodyField();

    [GeneratedRegex(@"(?<column>[A-Za-z_][A-Za-z0-9_]*)\s+(?:eq|ne|gt|ge|lt|le)\s")]
    private static partial Regex FilterColumn();
}
