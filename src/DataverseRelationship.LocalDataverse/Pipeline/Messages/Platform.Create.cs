using System;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The Create message.</summary>
internal sealed partial class Platform
{
    private CreateResponse Create(OrganizationRequest request, Caller caller)
    {
        var source = RequireParameter<Entity>(request, "Target");
        var table = Schema.GetTable(source.LogicalName);
        source = WithoutReadOnlyColumns(table, source);
        var onArrival = Normalized(table, source);

        // opportunity.statecode is not valid for create (docs/reference/dataverse-columns.md): a deal is created open
        // and closed only by Win or Lose.
        GuardOpportunityClose(table.LogicalName, source.Attributes.TryGetValue("statecode", out var createdState) ? createdState : null, "Create");
        var target = ValueCopy.CloneEntity(source);
        var requestedId = IdOf(table, target);
        if (requestedId != Guid.Empty && Store.Find(table.LogicalName, requestedId) != null)
        {
            throw Duplicate(table, requestedId);
        }

        target.Id = requestedId;
        var run = NewRun("Create", table.LogicalName, requestedId, request);
        run.Input["Target"] = target;
        NoteTarget(table.LogicalName, requestedId);
        RunPipeline(run, caller, () =>
        {
            var id = IdOf(table, target);
            id = id == Guid.Empty ? Guid.NewGuid() : id;
            if (Store.Find(table.LogicalName, id) != null)
            {
                throw Duplicate(table, id);
            }

            var values = Store.Draft(table.LogicalName);
            Apply(values, MainOperationValues(table, run, target, onArrival));
            ApplyCreateDefaults(table, values, id, caller.UserId, keepProvidedAudit: false);
            ApplyComputed(table, values, target.Attributes.Keys);
            CheckReferences(table, values, target.Attributes.Keys);
            run.PostImageSource = Store.Write(values, id);
            target.Id = id;
            run.PrimaryId = id;
            run.Output["id"] = id;
            if (_current != null && _current.PrimaryEntityId == Guid.Empty && _current.Table == table.LogicalName)
            {
                _current.PrimaryEntityId = id;
            }
        });
        var response = new CreateResponse();
        response.Results["id"] = run.PrimaryId;
        return response;
    }

    private static DataverseFaultException Duplicate(TableMetadata table, Guid id) =>
        new(PlatformErrorCodes.DuplicateRecord, $"Cannot insert duplicate key: a {table.LogicalName} row with Id = {id} already exists.");
}
