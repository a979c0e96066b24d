using System;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Opportunities;

/// <summary>
/// opportunity, Win / Lose, PreOperation (20), synchronous. Win and Lose carry no entity images
/// (https://learn.microsoft.com/power-apps/developer/data-platform/understand-the-data-context#entity-images lists the
/// messages that do), so this step reads the deal as it is before it closes and hands its contribution to the account
/// ledger to <see cref="RecalculateAccountOnDealChange"/>'s PostOperation step through the operation's SharedVariables,
/// which the pre and post stages of one operation share.
/// Reads: the opportunity's fact columns (one Retrieve) and the policy (one query, then shared with the later step).
/// Writes: nothing.
/// </summary>
public sealed class CaptureDealBeforeClose : PluginBase
{
    /// <summary>SharedVariables key: the deal's parent account id before it closes ("" when it has none).</summary>
    public const string AccountVariable = "dvr.dealbeforeclose.account";

    /// <summary>SharedVariables key: the deal's contribution before it closes, as ledger text (<see cref="LedgerText"/>).</summary>
    public const string LedgerVariable = "dvr.dealbeforeclose.ledger";

    public CaptureDealBeforeClose()
        : base(null, null)
    {
    }

    public CaptureDealBeforeClose(string? unsecureConfiguration, string? secureConfiguration)
        : base(unsecureConfiguration, secureConfiguration)
    {
    }

    protected override void ExecuteStep(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var opportunityId = RecalculateAccountOnDealChange.ClosedOpportunityId(execution);
        var row = context.SystemService.Retrieve(OpportunityTable.LogicalName, opportunityId, new ColumnSet(RecalculateAccountOnDealChange.ImageColumnList));
        var account = row.GetReferenceId(OpportunityTable.ParentAccountId);
        execution.SharedVariables[AccountVariable] = account.HasValue ? account.Value.ToString("D") : string.Empty;
        if (account.HasValue)
        {
            var policy = PolicySource.Read(context);
            var deal = new AccountLedger();
            deal.Add(OpportunityMapping.ToFacts(row, execution.OperationCreatedOn), policy);
            execution.SharedVariables[LedgerVariable] = LedgerText.Write(deal, PolicyFingerprint.Of(policy));
        }
    }

    /// <summary>
    /// What the PreOperation step left for this operation: the deal's account before it closed and its contribution;
    /// false when the step did not run (it is not registered), so the caller rebuilds the ledger instead.
    /// </summary>
    public static bool TryTake(IPluginExecutionContext execution, RelationshipPolicy policy, out Guid? accountId, out AccountLedger? before)
    {
        accountId = null;
        before = null;
        if (!execution.SharedVariables.TryGetValue(AccountVariable, out var account) || account is not string accountText)
        {
            return false;
        }

        if (accountText.Length == 0)
        {
            return true;
        }

        accountId = Guid.Parse(accountText);
        before = execution.SharedVariables.TryGetValue(LedgerVariable, out var text) ? LedgerText.Read(text as string, PolicyFingerprint.Of(policy), out _) : null;
        return before is not null;
    }
}
