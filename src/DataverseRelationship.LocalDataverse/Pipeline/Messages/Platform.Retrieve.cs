using DataverseRelationship.LocalDataverse.Query;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>Retrieve, RetrieveMultiple and WhoAmI.</summary>
internal sealed partial class Platform
{
    private RetrieveResponse Retrieve(OrganizationRequest request, Caller caller)
    {
        _ = caller;
        var target = RequireParameter<EntityReference>(request, "Target");
        var columns = RequireParameter<ColumnSet>(request, "ColumnSet");
        var table = Schema.GetTable(target.LogicalName);
        NoteTarget(table.LogicalName, target.Id);
        var response = new RetrieveResponse();
        response.Results["Entity"] = Read(table, Store.Get(table.LogicalName, target.Id), columns);
        return response;
    }

    /// <summary>A copy of a row restricted to a column set; the primary key is always included.</summary>
    internal static Entity Read(TableMetadata table, StoredRow row, ColumnSet columns)
    {
        Entity entity;
        if (columns.AllColumns)
        {
            entity = row.ToEntity();
        }
        else
        {
            CheckColumns(table, columns);
            entity = row.ToEntity(row.Layout.PlanFor(columns.Columns));
        }

        entity.Attributes[table.PrimaryIdColumn] = row.Id;
        return entity;
    }

    /// <summary>Every column of a column set must exist on the table.</summary>
    internal static void CheckColumns(TableMetadata table, ColumnSet columns)
    {
        foreach (var column in columns.Columns)
        {
            table.GetColumn(column);
        }
    }

    private RetrieveMultipleResponse RetrieveMultiple(OrganizationRequest request, Caller caller)
    {
        var query = RequireParameter<QueryBase>(request, "Query");
        var engine = new QueryEngine(Store, Schema, Clock.UtcNow, caller.UserId);
        var response = new RetrieveMultipleResponse();
        response.Results["EntityCollection"] = engine.Execute(query);
        return response;
    }

    private WhoAmIResponse WhoAmI(Caller caller)
    {
        var response = new WhoAmIResponse();
        response.Results["UserId"] = caller.UserId;
        response.Results["BusinessUnitId"] = BusinessUnitId;
        response.Results["OrganizationId"] = OrganizationId;
        return response;
    }
}
