using System;
using System.Collections.Generic;
using DataverseRelationship.Plugins.Infrastructure;
using DataverseRelationship.Plugins.Mapping;
using DataverseRelationship.Plugins.Policies;
using DataverseRelationship.Plugins.Recalculation;
using DataverseRelationship.Plugins.Schema;
using Microsoft.Xrm.Sdk;
using Microsoft.Xrm.Sdk.Query;

namespace DataverseRelationship.Plugins.Opportunities;

/// <summary>
/// opportunity, Create / Update / Delete / Win / Lose, PostOperation (40), synchronous. Update filters on the columns
/// the scores read (parentaccountid, statecode, values, dates, discount, margin, concessions, commitments, tactics,
/// seller conduct, the discount allowance, delivery, payment); Update and Delete carry a PreImage of parentaccountid.
/// Reads: the parent account from the Target or PreImage (for Win and Lose, the OpportunityClose names only the
/// opportunity, so its account row is found by one query on account linked to that opportunity, which replaces the
/// account read), the policy, then per account its row and its opportunities.
/// Writes: the account's changed computed columns (one SYSTEM Update at most) and a dvr_tierchange row when its
/// tier changes. When the opportunity moves to another account, both accounts are recomputed.
/// </summary>
public sealed class RecalculateAccountOnDealChange : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = OpportunityTable.ParentAccountId + "," + OpportunityTable.StateCode + "," + OpportunityTable.EstimatedValue + "," + OpportunityTable.ActualValue + "," + OpportunityTable.EstimatedCloseDate + "," + OpportunityTable.ActualCloseDate + "," + OpportunityTable.DiscountPercentage + "," + OpportunityTable.SellerMargin + "," + OpportunityTable.Concessions + "," + OpportunityTable.Commitments + "," + OpportunityTable.ProcurementTactics + "," + OpportunityTable.SellerConduct + "," + OpportunityTable.DiscountAllowance + "," + OpportunityTable.DeliveredAsPromised + "," + OpportunityTable.PaymentDelayDays;

    /// <summary>The columns this type reads from its pre-image: the image's Attributes must include them all (the solution validator reads this).</summary>
    public const string PreImageColumns = OpportunityTable.ParentAccountId;

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

        var policy = PolicySource.Read(context);
        foreach (var account in accounts)
        {
            AccountRecalculation.Recalculate(context, account.Key, policy, account.Value);
        }
    }

    /// <summary>The accounts to recompute, with the account row when it was already read (Win and Lose).</summary>
    private static List<KeyValuePair<Guid, Entity?>> AffectedAccounts(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var result = new List<KeyValuePair<Guid, Entity?>>(2);
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
                var account = AccountOfOpportunity(context.SystemService, opportunityId);
                if (account is not null)
                {
                    result.Add(new KeyValuePair<Guid, Entity?>(account.Id, account));
                }

                break;
            default:
                throw new InvalidPluginExecutionException("RecalculateAccountOnDealChange is not registered for the message " + execution.MessageName + ".");
        }

        return result;
    }

    /// <summary>
    /// The account row (every column the recalculation reads) of an opportunity, or null: one query, starting from the
    /// opportunity's primary key and joining its parent account, so it is a key lookup on both tables.
    /// </summary>
    private static Entity? AccountOfOpportunity(IOrganizationService service, Guid opportunityId)
    {
        const string Alias = "account";
        var query = new QueryExpression(OpportunityTable.LogicalName)
        {
            ColumnSet = new ColumnSet(OpportunityTable.Id),
            TopCount = 1,
        };
        query.Criteria.AddCondition(OpportunityTable.Id, ConditionOperator.Equal, opportunityId);
        var link = query.AddLink(AccountTable.LogicalName, OpportunityTable.ParentAccountId, AccountTable.Id);
        link.EntityAlias = Alias;
        link.Columns = new ColumnSet(AccountMapping.ReadColumns);
        var rows = service.RetrieveMultiple(query).Entities;
        if (rows.Count == 0)
        {
            return null;
        }

        var account = new Entity(AccountTable.LogicalName);
        const string Prefix = Alias + ".";
        foreach (var column in rows[0].Attributes)
        {
            if (column.Value is AliasedValue aliased && column.Key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                account[aliased.AttributeLogicalName] = aliased.Value;
            }
        }

        account.Id = account.GetAttributeValue<Guid>(AccountTable.Id);
        return account.Id == Guid.Empty ? null : account;
    }

    private static void Add(List<KeyValuePair<Guid, Entity?>> accounts, Guid? accountId)
    {
        if (accountId.HasValue && !accounts.Exists(a => a.Key == accountId.Value))
        {
            accounts.Add(new KeyValuePair<Guid, Entity?>(accountId.Value, null));
        }
    }
}
