using System;
using System.Collections.Generic;
using DataverseRelationship.Engine.Policies;
using DataverseRelationship.Engine.Scoring;
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
/// seller conduct, the discount allowance, delivery, payment); Update and Delete carry a PreImage, Create and Update a
/// PostImage, of those columns and createdon.
/// The deal's contribution to its account's ledger before (PreImage; for Win and Lose, what CaptureDealBeforeClose
/// read in PreOperation) and after (PostImage; for Win and Lose, one query on the opportunity joined to its account)
/// gives each affected account a difference; nothing else of the account's deals is read, so a save costs the same
/// whatever the account's size. An account whose difference is empty is not touched.
/// Reads: per affected account its row (one Retrieve, or the join above) and the policy (shared with the earlier step).
/// Writes: per affected account its changed computed columns and ledger (one SYSTEM Update at most, conditional on the
/// row version) and a dvr_tierchange row when its tier changes. When the opportunity moves to another account, both
/// accounts change: the old one loses the deal, the new one gains it.
/// </summary>
public sealed class RecalculateAccountOnDealChange : PluginBase
{
    /// <summary>The columns whose change this type must react to: an Update step's FilteringAttributes must include them all
    /// (the solution validator reads this).</summary>
    public const string TriggerColumns = OpportunityTable.ParentAccountId + "," + OpportunityTable.StateCode + "," + OpportunityTable.EstimatedValue + "," + OpportunityTable.ActualValue + "," + OpportunityTable.EstimatedCloseDate + "," + OpportunityTable.ActualCloseDate + "," + OpportunityTable.DiscountPercentage + "," + OpportunityTable.SellerMargin + "," + OpportunityTable.Concessions + "," + OpportunityTable.Commitments + "," + OpportunityTable.ProcurementTactics + "," + OpportunityTable.SellerConduct + "," + OpportunityTable.DiscountAllowance + "," + OpportunityTable.DeliveredAsPromised + "," + OpportunityTable.PaymentDelayDays;

    /// <summary>The columns this type reads from its images: the deal's account and every fact its contribution depends on.</summary>
    public const string ImageColumns = TriggerColumns + "," + OpportunityTable.CreatedOn;

    /// <summary>The columns this type reads from its pre-image: the image's Attributes must include them all (the solution validator reads this).</summary>
    public const string PreImageColumns = ImageColumns;

    /// <summary>The columns this type reads from its post-image (the solution validator reads this).</summary>
    public const string PostImageColumns = ImageColumns;

    /// <summary>The registered pre-image alias.</summary>
    public const string PreImageAlias = "PreImage";

    /// <summary>The registered post-image alias.</summary>
    public const string PostImageAlias = "PostImage";

    /// <summary><see cref="ImageColumns"/> as a list, for column sets.</summary>
    internal static readonly string[] ImageColumnList = ImageColumns.Split(',');

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
        var execution = context.ExecutionContext;
        var asOf = execution.OperationCreatedOn;
        Entity? before = null, after = null;
        switch (execution.MessageName)
        {
            case "Create":
                after = Image(execution.PostEntityImages, PostImageAlias);
                break;
            case "Update":
                before = Image(execution.PreEntityImages, PreImageAlias);
                after = Image(execution.PostEntityImages, PostImageAlias);
                break;
            case "Delete":
                before = Image(execution.PreEntityImages, PreImageAlias);
                break;
            case "Win":
            case "Lose":
                CloseDeal(context);
                return;
            default:
                throw new InvalidPluginExecutionException("RecalculateAccountOnDealChange is not registered for the message " + execution.MessageName + ".");
        }

        var accountBefore = before?.GetReferenceId(OpportunityTable.ParentAccountId);
        var accountAfter = after?.GetReferenceId(OpportunityTable.ParentAccountId);
        if (!accountBefore.HasValue && !accountAfter.HasValue)
        {
            context.Trace("The opportunity belongs to no account; nothing to recompute.");
            return;
        }

        var policy = PolicySource.Read(context);
        var differences = new List<KeyValuePair<Guid, AccountLedger>>(2);
        if (accountBefore.HasValue)
        {
            Difference(differences, accountBefore.Value).Remove(OpportunityMapping.ToFacts(before!, asOf), policy);
        }

        if (accountAfter.HasValue)
        {
            Difference(differences, accountAfter.Value).Add(OpportunityMapping.ToFacts(after!, asOf), policy);
        }

        Apply(context, policy, differences, null);
    }

    /// <summary>
    /// Win and Lose: the deal before closing comes from <see cref="CaptureDealBeforeClose"/>; the deal after, with its
    /// account row, from one query. Without the capture (its step not registered) the account's ledger is rebuilt.
    /// </summary>
    private static void CloseDeal(ILocalPluginContext context)
    {
        var execution = context.ExecutionContext;
        var deal = OpportunityWithAccount(context.SystemService, ClosedOpportunityId(execution), out var account);
        var policy = PolicySource.Read(context);
        var differences = new List<KeyValuePair<Guid, AccountLedger>>(2);
        if (!CaptureDealBeforeClose.TryTake(execution, policy, out var accountBefore, out var contributionBefore))
        {
            context.Trace("The deal as it was before closing was not captured (is the CaptureDealBeforeClose step registered?); the account's ledger is rebuilt from its deals.");
            if (account is not null)
            {
                AccountRecalculation.Recalculate(context, account.Id, policy, LedgerChange.Rebuild, account);
            }

            return;
        }

        if (accountBefore.HasValue)
        {
            Difference(differences, accountBefore.Value).Add(contributionBefore!, -1m);
        }

        if (account is not null && deal is not null)
        {
            Difference(differences, account.Id).Add(OpportunityMapping.ToFacts(deal, execution.OperationCreatedOn), policy);
        }

        Apply(context, policy, differences, account);
    }

    private static void Apply(ILocalPluginContext context, RelationshipPolicy policy, List<KeyValuePair<Guid, AccountLedger>> differences, Entity? knownAccount)
    {
        foreach (var difference in differences)
        {
            if (difference.Value.IsEmpty)
            {
                context.Trace("Account " + difference.Key.ToString("D") + ": the deal's contribution did not change; the account is left as it is.");
                continue;
            }

            var row = knownAccount is not null && knownAccount.Id == difference.Key ? knownAccount : null;
            AccountRecalculation.Recalculate(context, difference.Key, policy, LedgerChange.Apply(difference.Value), row);
        }
    }

    private static AccountLedger Difference(List<KeyValuePair<Guid, AccountLedger>> differences, Guid accountId)
    {
        foreach (var existing in differences)
        {
            if (existing.Key == accountId)
            {
                return existing.Value;
            }
        }

        var ledger = new AccountLedger();
        differences.Add(new KeyValuePair<Guid, AccountLedger>(accountId, ledger));
        return ledger;
    }

    private static Entity Image(EntityImageCollection images, string alias) =>
        images.TryGetValue(alias, out var image) && image is not null
            ? image
            : throw new InvalidPluginExecutionException("RecalculateAccountOnDealChange needs the image '" + alias + "' with the columns " + ImageColumns + "; the step is registered without it.");

    /// <summary>The opportunity a Win or Lose closes (from its OpportunityClose).</summary>
    internal static Guid ClosedOpportunityId(IPluginExecutionContext execution)
    {
        var close = execution.InputParameters.TryGetValue("OpportunityClose", out var closeValue) ? closeValue as Entity : null;
        return close?.GetReferenceId(OpportunityCloseTable.OpportunityId)
            ?? throw new InvalidPluginExecutionException("The " + execution.MessageName + " request carries no OpportunityClose with an opportunityid.");
    }

    /// <summary>
    /// The opportunity (its image columns) and its account row (every column the recalculation reads), or nulls: one
    /// query, starting from the opportunity's primary key and joining its parent account, so it is a key lookup on both.
    /// </summary>
    private static Entity? OpportunityWithAccount(IOrganizationService service, Guid opportunityId, out Entity? account)
    {
        account = null;
        const string Alias = "account";
        var query = new QueryExpression(OpportunityTable.LogicalName)
        {
            ColumnSet = new ColumnSet(ImageColumnList),
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

        var row = new Entity(AccountTable.LogicalName);
        const string Prefix = Alias + ".";
        foreach (var column in rows[0].Attributes)
        {
            if (column.Value is AliasedValue aliased && column.Key.StartsWith(Prefix, StringComparison.Ordinal))
            {
                row[aliased.AttributeLogicalName] = aliased.Value;
            }
        }

        row.Id = row.GetAttributeValue<Guid>(AccountTable.Id);
        account = row.Id == Guid.Empty ? null : row;
        return rows[0];
    }
}
