using System;
using System.Collections.Generic;
using System.Linq;
using DataverseRelationship.LocalDataverse.Schema;
using DataverseRelationship.LocalDataverse.Storage;
using Microsoft.Crm.Sdk.Messages;
using Microsoft.Xrm.Sdk;

namespace DataverseRelationship.LocalDataverse.Pipeline;

/// <summary>The Win and Lose messages (closing an opportunity with its opportunityclose activity).</summary>
internal sealed partial class Platform
{
    /// <summary>
    /// Win and Lose (pipeline messages "Win"/"Lose"): the opportunity becomes Won (1, statuscode 3) or Lost (2, statuscode
    /// 4 or 5), actualclosedate is the close date and a won opportunity's actualvalue defaults to its estimated revenue
    /// (https://learn.microsoft.com/dynamics365/sales/developer/entities/opportunity); a completed opportunityclose
    /// activity records the close (https://learn.microsoft.com/dynamics365/sales/developer/entities/opportunityclose).
    /// </summary>
    private OrganizationResponse CloseOpportunity(OrganizationRequest request, Caller caller, bool won)
    {
        var close = RequireParameter<Entity>(request, "OpportunityClose");
        var status = RequireParameter<OptionSetValue>(request, "Status");
        if (close.LogicalName != "opportunityclose")
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"OpportunityClose must be an opportunityclose entity, not '{close.LogicalName}'.");
        }

        var closeTable = Schema.GetTable("opportunityclose");
        Normalized(closeTable, close);
        var opportunityRef = close.GetAttributeValue<EntityReference>("opportunityid")
            ?? throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, "The OpportunityClose entity needs opportunityid (the opportunity to close).");
        var opportunityTable = Schema.GetTable("opportunity");
        var before = Store.Get("opportunity", opportunityRef.Id);
        if (before.GetStored("statecode") is int current && current != 0)
        {
            // Win and Lose close an open opportunity; a closed one must be reopened first. Dataverse's wording for
            // this fault is not documented, so the message only says what happened and what to do.
            throw new DataverseFaultException(
                PlatformErrorCodes.InvalidArgument,
                $"{request.RequestName}: opportunity {opportunityRef.Id} is already {(current == 1 ? "Won" : "Lost")}; reopen it before closing it again.");
        }

        var state = won ? 1 : 2;
        var statusValue = status.Value == -1 ? opportunityTable.DefaultStatusByState[state] : status.Value;
        var otherStatuses = won ? new[] { 1, 2, 4, 5 } : new[] { 1, 2, 3 };
        if (otherStatuses.Contains(statusValue))
        {
            throw new DataverseFaultException(PlatformErrorCodes.InvalidArgument, $"{request.RequestName}: statuscode {statusValue} does not belong to the {(won ? "Won" : "Lost")} state of opportunity.");
        }

        var closeTarget = ValueCopy.CloneEntity(close);
        var run = NewRun(won ? "Win" : "Lose", "opportunity", opportunityRef.Id, request);
        run.Input["OpportunityClose"] = closeTarget;
        run.Input["Status"] = new OptionSetValue(status.Value);
        run.PreImageSource = before;
        NoteTarget("opportunity", opportunityRef.Id);
        RunPipeline(run, caller, () =>
        {
            var now = Clock.UtcNow;
            var current = Store.Get("opportunity", opportunityRef.Id);
            var values = Store.Draft("opportunity", current);
            values.Set("statecode", new OptionSetValue(state));
            values.Set("statuscode", new OptionSetValue(statusValue));
            values.Set("modifiedon", now);
            values.SetReference("modifiedby", "systemuser", caller.UserId);
            var closedOn = closeTarget.GetAttributeValue<DateTime?>("actualend") ?? now;
            values.Set("actualclosedate", ColumnValueRules.Normalize(opportunityTable, "actualclosedate", closedOn));
            var changed = new List<string> { "statecode", "statuscode", "actualclosedate" };

            // Not documented: that actualvalue comes from the close's actualrevenue. Documented: a won opportunity's
            // actualvalue defaults to its estimated revenue.
            if (closeTarget.GetAttributeValue<Money>("actualrevenue") is { } revenue)
            {
                values.Set("actualvalue", new Money(revenue.Value));
                changed.Add("actualvalue");
            }
            else if (won && !values.Contains("actualvalue") && values.GetStored("estimatedvalue") is decimal estimated)
            {
                values.Set("actualvalue", new Money(estimated));
                changed.Add("actualvalue");
            }

            ApplyComputed(opportunityTable, values, changed);
            var closed = Store.Write(values, opportunityRef.Id);

            var closeId = IdOf(closeTable, closeTarget);
            closeId = closeId == Guid.Empty ? Guid.NewGuid() : closeId;
            var closeValues = Store.Draft("opportunityclose");
            Apply(closeValues, Normalized(closeTable, closeTarget));
            closeValues.Set("statecode", new OptionSetValue(1));
            closeValues.Set("statuscode", new OptionSetValue(2));
            closeValues.Set("opportunitystatecode", new OptionSetValue(state));
            closeValues.Set("opportunitystatuscode", new OptionSetValue(statusValue));
            closeValues.Set("activitytypecode", "opportunityclose");
            if (!closeValues.Contains("actualend"))
            {
                closeValues.Set("actualend", now);
            }

            ApplyCreateDefaults(closeTable, closeValues, closeId, caller.UserId, keepProvidedAudit: false);
            ApplyComputed(closeTable, closeValues, closeTarget.Attributes.Keys);
            CheckReferences(closeTable, closeValues, closeTarget.Attributes.Keys);
            if (StoreCloseActivities)
            {
                Store.Write(closeValues, closeId);
            }

            run.PostImageSource = closed;
        });
        return won ? new WinOpportunityResponse() : new LoseOpportunityResponse();
    }
}
