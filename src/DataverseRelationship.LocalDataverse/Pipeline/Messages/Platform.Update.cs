using System;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The Update message.</summary>
internal sealed partial class Platform
{
    private UpdateResponse Update(OrganizationRequest request, Caller caller)
    {
        var source = RequireParameter<Entity>(request, "Target");
        var table = Schema.GetTable(source.LogicalName);
        var id = IdOf(table, source);
        if (id == Guid.Empty)
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"Entity Id must be specified for Update ({table.LogicalName}).");
        }

        var expectedVersion = RowVersionCondition(request, source.RowVersion, table, id);
        source = WithoutReadOnlyColumns(table, source);
        var onArrival = Normalized(table, source);
        GuardOpportunityClose(table.LogicalName, source.Attributes.TryGetValue("statecode", out var state) ? state : null, "Update");
        var before = Store.Get(table.LogicalName, id);
        var target = ValueCopy.CloneEntity(source);
        target.Id = id;
        var run = NewRun("Update", table.LogicalName, id, request);
        run.Input["Target"] = target;
        run.PreImageSource = before;
        NoteTarget(table.LogicalName, id);
        RunPipeline(run, caller, () =>
        {
            var current = Store.Get(table.LogicalName, id);
            CheckRowVersion(expectedVersion, current, table);
            var values = Store.Draft(table.LogicalName, current);
            Apply(values, MainOperationValues(table, run, target, onArrival));
            ApplyUpdateDefaults(table, values, current, target, caller.UserId);
            ApplyComputed(table, values, target.Attributes.Keys);
            CheckReferences(table, values, target.Attributes.Keys);
            run.PostImageSource = Store.Write(values, id);
        });
        return new UpdateResponse();
    }
}
