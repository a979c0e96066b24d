using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The SetState message.</summary>
internal sealed partial class Platform
{
    private SetStateResponse SetState(OrganizationRequest request, Caller caller)
    {
        var moniker = RequireParameter<EntityReference>(request, "EntityMoniker");
        var state = RequireParameter<OptionSetValue>(request, "State");
        var status = RequireParameter<OptionSetValue>(request, "Status");
        var table = Schema.GetTable(moniker.LogicalName);
        if (!table.HasColumn("statecode"))
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"SetState: table '{table.LogicalName}' has no statecode.");
        }

        GuardOpportunityClose(table.LogicalName, state, "SetState");
        var before = Store.Get(table.LogicalName, moniker.Id);
        var run = NewRun("SetState", table.LogicalName, moniker.Id, request);
        run.Input["EntityMoniker"] = ValueCopy.CloneReference(moniker);
        run.Input["State"] = new OptionSetValue(state.Value);
        run.Input["Status"] = new OptionSetValue(status.Value);
        run.PreImageSource = before;
        NoteTarget(table.LogicalName, moniker.Id);
        RunPipeline(run, caller, () =>
        {
            var current = Store.Get(table.LogicalName, moniker.Id);
            var values = Store.Draft(table.LogicalName, current);
            values.Set("statecode", new OptionSetValue(state.Value));
            var statusValue = status.Value;
            if (statusValue == -1)
            {
                if (!table.DefaultStatusByState.TryGetValue(state.Value, out statusValue))
                {
                    throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"SetState: {table.LogicalName} has no state {state.Value}.");
                }
            }

            values.Set("statuscode", new OptionSetValue(statusValue));
            values.Set("modifiedon", Clock.UtcNow);
            values.SetReference("modifiedby", "systemuser", caller.UserId);
            run.PostImageSource = Store.Write(values, moniker.Id);
        });
        return new SetStateResponse();
    }
}
