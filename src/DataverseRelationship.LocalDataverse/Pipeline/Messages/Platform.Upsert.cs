using System;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The Upsert message.</summary>
internal sealed partial class Platform
{
    private UpsertResponse Upsert(OrganizationRequest request, Caller caller)
    {
        var target = RequireParameter<Entity>(request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        var id = IdOf(table, target);
        var exists = id != Guid.Empty && Store.Find(table.LogicalName, id) != null;
        var inner = new OrganizationRequest(exists ? "Update" : "Create") { RequestId = request.RequestId };
        foreach (var parameter in request.Parameters)
        {
            inner.Parameters[parameter.Key] = parameter.Value;
        }

        var result = Dispatch(inner.RequestName, inner, caller);
        var createdId = exists ? id : (Guid)result.Results["id"];
        var response = new UpsertResponse();
        response.Results["RecordCreated"] = !exists;
        response.Results["Target"] = new EntityReference(table.LogicalName, createdId);
        return response;
    }
}
