using System;
using System.Collections.Generic;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Recalculation;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Opportunities;

/// <summary>
/// opportunity, Create / Update / Delete / Win / Lose, PostOperation (40), synchronous. Update filters on the columns
/// the scores read (parentaccountid, statecode, values, dates, discount, margin, concessions, commitments, tactics,
/// delivery, payment); Update and Delete carry a PreImage of parentaccountid.
/// Reads: the parent account from the Target or PreImage (for Win and Lose, the OpportunityClose's opportunity: one
/// Retrieve of its parentaccountid), the policy, then per account its row and its opportunities.
/// Writes: the account's changed computed columns (one tagged Update at most) and a dvr_tierchange row when its
/// tier changes. When the opportunity moves to another account, both accounts are recomputed.
/// </summary>
public sealed class RecalculateAccountOnDealChange : PluginBase
{
    /// <summary>The registered image alias.</summary>
    public const string PreImageAlias = "PreImage";

    public RecalculateAccountOnDealChange()
        : base(null, null)
    {
    }

    public RecalculateAccountOnDealChange(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var accounts = AffectedAccounts(context);
        if (accounts.Count == 0)
        {
            context.Trace("The opportunity belongs to no account; nothing to recompute.");
            return;
        }

        var policy = PolicySource.Read(context.SystemService);
        foreach (var accountId in accounts)
        {
            AccountRecalculation.Recalculate(context, accountId, policy);
        }
    }

    private static List<Guid> AffectedAccounts(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var result = new List<Guid>(2);
        execution.PreEntityImages.TryGetValue(PreImageAlias, out var image);
        var before = image?.GetReferenceId(OpportunityTable.ParentAccountId);
        switch (execution.MessageName)
        {
            case "Create":
            case "Update":
                var target = execution.InputParameters.TryGetValue("Target", out var value) ? value as Entity : null;
                var after = target is not null && target.Attributes.ContainsKey(OpportunityTable.ParentAccountId)
                    ? target.GetReferenceId(OpportunityTable.ParentAccountId)
                    : before;
                Add(result, after);
                Add(result, before);
                break;
            case "Delete":
                Add(result, before);
                break;
            case "Win":
            case "Lose":
                var close = execution.InputParameters.TryGetValue("OpportunityClose", out var closeValue) ? closeValue as Entity : null;
                var opportunityId = close?.GetReferenceId(OpportunityCloseTable.OpportunityId)
                    ?? throw new InvalidPluginExecutionException("The " + execution.MessageName + " request carries no OpportunityClose with an opportunityid.");
                var opportunity = context.SystemService.Retrieve(OpportunityTable.LogicalName, opportunityId, new ColumnSet(OpportunityTable.ParentAccountId));
                Add(result, opportunity.GetReferenceId(OpportunityTable.ParentAccountId));
                break;
            default:
                throw new InvalidPluginExecutionException("RecalculateAccountOnDealChange is not registered for the message " + execution.MessageName + ".");
        }

        return result;
    }

    private static void Add(List<Guid> accounts, Guid? accountId)
    {
        if (accountId.HasValue && !accounts.Contains(accountId.Value))
        {
            accounts.Add(accountId.Value);
        }
    }
}
