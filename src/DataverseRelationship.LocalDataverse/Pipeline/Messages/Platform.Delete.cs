using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Messages;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The Delete message.</summary>
internal sealed partial class Platform
{
    private DeleteResponse Delete(OrganizationRequest request, Caller caller)
    {
        var target = RequireParameter<EntityReference>(request, "Target");
        var table = Schema.GetTable(target.LogicalName);
        var expectedVersion = RowVersionCondition(request, target.RowVersion, table, target.Id);
        var before = Store.Get(table.LogicalName, target.Id);
        var run = NewRun("Delete", table.LogicalName, target.Id, request);
        run.Input["Target"] = ValueCopy.CloneReference(target);
        run.PreImageSource = before;
        NoteTarget(table.LogicalName, target.Id);
        RunPipeline(run, caller, () =>
        {
            CheckRowVersion(expectedVersion, Store.Get(table.LogicalName, target.Id), table);
            ApplyDeleteCascades(table, target.Id, caller);
            Store.Remove(table.LogicalName, target.Id);
        });
        return new DeleteResponse();
    }
}
