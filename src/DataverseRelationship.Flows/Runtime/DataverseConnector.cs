using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.Flows.Expressions;
using DataverseRelationship.LocalDataverse.Registration;
using DataverseRelationship.LocalDataverse.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Flows.Runtime;

/// <summary>What one connector call returned: the action's outputs (statusCode, headers, body) and the row it created, if any.</summary>
public sealed record ConnectorResult(IDictionary<string, object?> Outputs, EntityReference? Created);

/// <summary>
/// The Dataverse connector's operations the solution's flows use, run through an organization service as the flow's
/// connection user: List rows (https://learn.microsoft.com/power-automate/dataverse/list-rows), Add a new row
/// (https://learn.microsoft.com/power-automate/dataverse/create) and Perform an unbound action
/// (https://learn.microsoft.com/power-automate/dataverse/bound-unbound).
/// </summary>
public sealed class DataverseConnector
{
    /// <summary>The rows List rows returns when no row count is given (one page; pagination is off by default).</summary>
    public const int DefaultListPageSize = 5000;

    private const string Item = "item/";
    private const string Bind = "@odata.bind";

    private readonly IOrganizationService _service;
    private readonly SchemaCatalog _schema;
    private readonly IReadOnlyDictionary<string, CustomApiRegistration> _apis;
    private readonly EntitySetNames _sets;

    public DataverseConnector(IOrganizationService service, SchemaCatalog schema, IReadOnlyDictionary<string, CustomApiRegistration> customApis, EntitySetNames sets)
    {
        _service = service ?? throw new ArgumentNullException(nameof(service));
        _schema = schema ?? throw new ArgumentNullException(nameof(schema));
        _apis = customApis ?? throw new ArgumentNullException(nameof(customApis));
        _sets = sets ?? throw new ArgumentNullException(nameof(sets));
    }

    /// <summary>Runs one operation with its evaluated parameters.</summary>
    public ConnectorResult Execute(string operationId, IDictionary<string, object?> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return operationId switch
        {
            "ListRecords" => ListRecords(parameters),
            "CreateRecord" => CreateRecord(parameters),
            "PerformUnboundAction" => PerformUnboundAction(parameters),
            _ => throw new FlowConnectorException("The Dataverse operation '" + operationId + "' is not supported by the local flow runner."),
        };
    }

    private ConnectorResult ListRecords(IDictionary<string, object?> parameters)
    {
        var table = Table(parameters);
        var query = new QueryExpression(table.LogicalName) { ColumnSet = new ColumnSet(true) };
        if (parameters.TryGetValue("$select", out var select) && select is string columns && columns.Length > 0)
        {
            query.ColumnSet = new ColumnSet(columns.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(c => table.GetColumn(new ODataCondition(c, "eq", null).Column).LogicalName).ToArray());
        }

        ODataFilter.Parse(parameters.TryGetValue("$filter", out var filter) ? FlowValue.ToText(filter) : null).ApplyTo(query, table);
        if (parameters.TryGetValue("$orderby", out var orderBy) && orderBy is string order)
        {
            foreach (var clause in order.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var words = clause.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length > 2 || (words.Length == 2 && words[1] is not ("asc" or "desc")))
                {
                    throw new FlowConnectorException("The $orderby clause '" + clause + "' is not <column> [asc|desc].");
                }

                query.AddOrder(table.GetColumn(new ODataCondition(words[0], "eq", null).Column).LogicalName, words.Length == 2 && words[1] == "desc" ? OrderType.Descending : OrderType.Ascending);
            }
        }

        if (parameters.TryGetValue("$top", out var top) && top != null)
        {
            query.TopCount = top is long count && count > 0 ? (int)count : throw new FlowConnectorException("$top must be a positive whole number, not '" + FlowValue.ToText(top) + "'.");
        }
        else
        {
            query.PageInfo = new PagingInfo { Count = DefaultListPageSize, PageNumber = 1 };
        }

        var rows = _service.RetrieveMultiple(query).Entities.Select(e => (object?)WebApiRow.From(e, table, _sets)).ToList();
        var body = FlowValue.NewObject();
        body["value"] = rows;
        return new ConnectorResult(Outputs(200, body), null);
    }

    private ConnectorResult CreateRecord(IDictionary<string, object?> parameters)
    {
        var table = Table(parameters);
        var row = new Entity(table.LogicalName);
        foreach (var (key, value) in parameters.Where(p => p.Key.StartsWith(Item, StringComparison.Ordinal)))
        {
            var name = key[Item.Length..];
            if (name.EndsWith(Bind, StringComparison.Ordinal))
            {
                var (column, reference) = Binding(table, name[..^Bind.Length], value);
                row[column] = reference;
            }
            else
            {
                row[table.GetColumn(name).LogicalName] = ColumnValues.ToColumnValue(table.GetColumn(name), value, "CreateRecord " + table.LogicalName);
            }
        }

        var id = _service.Create(row);
        var created = _service.Retrieve(table.LogicalName, id, new ColumnSet(true));
        return new ConnectorResult(Outputs(201, WebApiRow.From(created, table, _sets)), new EntityReference(table.LogicalName, id));
    }

    private ConnectorResult PerformUnboundAction(IDictionary<string, object?> parameters)
    {
        var actionName = parameters.TryGetValue("actionName", out var named) && named is string text ? text : throw new FlowConnectorException("PerformUnboundAction has no actionName.");
        if (!_apis.TryGetValue(actionName, out var api))
        {
            throw new FlowConnectorException("The action '" + actionName + "' is not a Custom API of this environment.");
        }

        if (api.BindingType != 0)
        {
            throw new FlowConnectorException("The Custom API '" + actionName + "' is bound to " + api.BoundEntityLogicalName + "; an unbound action cannot call it.");
        }

        var request = new OrganizationRequest(actionName);
        foreach (var (key, value) in parameters.Where(p => p.Key.StartsWith(Item, StringComparison.Ordinal)))
        {
            var name = key[Item.Length..];
            var field = api.RequestParameters.FirstOrDefault(p => p.UniqueName == name)
                ?? throw new FlowConnectorException("The Custom API '" + actionName + "' has no request parameter '" + name + "'.");
            if (value != null)
            {
                request.Parameters[name] = ColumnValues.ToParameterValue(field, value, actionName);
            }
        }

        var response = _service.Execute(request);
        var body = FlowValue.NewObject();
        foreach (var result in response.Results)
        {
            body[result.Key] = WebApiRow.Value(result.Value, null);
        }

        return new ConnectorResult(Outputs(200, body), null);
    }

    /// <summary>
    /// A single-valued navigation property bound to "set(id)": the lookup itself (ownerid, parentaccountid) or, for a
    /// polymorphic lookup, lookup_target_table (regardingobjectid_account_task)
    /// (https://learn.microsoft.com/power-apps/developer/data-platform/webapi/associate-disassociate-entities-using-web-api).
    /// </summary>
    private (string Column, EntityReference Reference) Binding(TableMetadata table, string property, object? value)
    {
        var text = value as string ?? throw new FlowConnectorException(property + Bind + " needs \"set(id)\", not " + FlowValue.TypeName(value) + ".");
        var open = text.IndexOf('(', StringComparison.Ordinal);
        if (open <= 0 || !text.EndsWith(')') || !Guid.TryParse(text[(open + 1)..^1], out var id))
        {
            throw new FlowConnectorException(property + Bind + " is '" + text + "', not \"entityset(GUID)\".");
        }

        var set = text[..open];
        var target = _sets.TableOf(set) ?? throw new FlowConnectorException(property + Bind + " names the entity set '" + set + "', which this environment does not have.");
        var column = table.FindColumn(property)
            ?? table.Columns.FirstOrDefault(c => IsLookup(c) && property == c.LogicalName + "_" + target + "_" + table.LogicalName)
            ?? throw new FlowConnectorException("The table " + table.LogicalName + " has no navigation property '" + property + "' for " + target + ".");
        if (!IsLookup(column))
        {
            throw new FlowConnectorException(property + Bind + ": '" + column.LogicalName + "' of " + table.LogicalName + " is not a lookup.");
        }

        if (column.Targets.Count > 0 && !column.Targets.Contains(target, StringComparer.Ordinal))
        {
            throw new FlowConnectorException(property + Bind + ": '" + column.LogicalName + "' of " + table.LogicalName + " cannot point to " + target + ".");
        }

        return (column.LogicalName, new EntityReference(target, id));
    }

    private static bool IsLookup(ColumnMetadata column) => column.Type is ColumnType.Lookup or ColumnType.Customer or ColumnType.Owner;

    private TableMetadata Table(IDictionary<string, object?> parameters)
    {
        var set = parameters.TryGetValue("entityName", out var named) && named is string text ? text : throw new FlowConnectorException("The action has no entityName.");
        var table = _sets.TableOf(set) ?? throw new FlowConnectorException("entityName '" + set + "' is not an entity set of this environment.");
        return _schema.GetTable(table);
    }

    private static Dictionary<string, object?> Outputs(long status, object? body)
    {
        var outputs = FlowValue.NewObject();
        outputs["statusCode"] = status;
        outputs["headers"] = FlowValue.NewObject();
        outputs["body"] = body;
        return outputs;
    }
}
